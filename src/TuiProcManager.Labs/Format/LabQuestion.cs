using System.Collections.Immutable;

namespace TuiProcManager.Labs.Format;

/// <summary>
/// A step's question: typed (<see cref="Choices"/> empty; any of <see cref="Answers"/> is right), or
/// multiple choice (one of <see cref="Choices"/>, right if it is among <see cref="Answers"/>, or the one
/// <see cref="AnswerFrom"/> computes from what the student's own runs did).
/// </summary>
/// <param name="Choices">The options; empty for a typed answer.</param>
/// <param name="Answers">The right answers (compared without case and extra spaces).</param>
/// <param name="AnswerFrom">The right choice is read from the event stream; null when fixed.</param>
public sealed record LabQuestion(ImmutableArray<string> Choices, ImmutableArray<string> Answers, ComputedAnswer? AnswerFrom)
{
    /// <summary>Typed rather than chosen.</summary>
    public bool IsTyped => Choices.IsDefaultOrEmpty;
}
