namespace TuiProcManager.Labs.Sessions;

/// <summary>Where a student is with one step (saved with the lab's progress).</summary>
public sealed record StepProgress
{
    /// <summary>When it was done; null while it is not.</summary>
    public DateTimeOffset? DoneAt { get; init; }

    /// <summary>How many of its hints were shown.</summary>
    public int HintsShown { get; init; }

    /// <summary>Wrong answers given to its question.</summary>
    public int WrongAnswers { get; init; }

    /// <summary>The right answer given, for a question.</summary>
    public string? Answer { get; init; }
}
