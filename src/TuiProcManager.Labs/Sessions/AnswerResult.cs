namespace TuiProcManager.Labs.Sessions;

/// <summary>An answer's outcome, what to tell the student, and the steps that became done.</summary>
/// <param name="Outcome">Right, wrong, or why it was not taken.</param>
/// <param name="Message">One line for the student.</param>
/// <param name="Done">Steps done by it, in order (the question's, and checked steps after it that already held).</param>
public sealed record AnswerResult(AnswerOutcome Outcome, string Message, IReadOnlyList<int> Done);
