using System.Collections.Immutable;
using TuiProcManager.Labs.Checks;

namespace TuiProcManager.Labs.Format;

/// <summary>One step of a lab: done when its <see cref="Check"/> holds, or when its <see cref="Question"/> is answered right.</summary>
/// <param name="Id">Unique in the lab; progress is saved by it.</param>
/// <param name="Title">One line, in the checklist.</param>
/// <param name="Text">What to do, and why (paragraphs separated by newlines).</param>
/// <param name="Hints">Shown one at a time on request (they cost nothing, but are counted).</param>
/// <param name="Check">What makes it done; null for a question.</param>
/// <param name="Question">The question to answer; null for a checked step.</param>
/// <param name="Done">Shown once it is done: what just happened, in the lesson's terms.</param>
public sealed record LabStep(string Id, string Title, string Text, ImmutableArray<string> Hints, Check? Check, LabQuestion? Question, string? Done);
