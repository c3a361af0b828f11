namespace TuiProcManager.Labs.Sessions;

/// <summary>What a hint or an answer given to an <see cref="ILabAuthority"/> did.</summary>
/// <param name="Progress">The progress after it.</param>
/// <param name="Problem">Why nothing was done (no more hints, the lab is finished, the step is done already), or null.</param>
/// <param name="Answer">For an answer: its outcome; null for a hint, or when <paramref name="Problem"/> says why not.</param>
public sealed record LabChange(LabProgress Progress, string? Problem, AnswerResult? Answer);
