namespace TuiProcManager.Labs.Sessions;

/// <summary>What became of an answer.</summary>
public enum AnswerOutcome
{
    /// <summary>Right: the step is done.</summary>
    Right,

    /// <summary>Wrong (counted); the step stays open.</summary>
    Wrong,

    /// <summary>Not one of the choices (not counted).</summary>
    NotAChoice,

    /// <summary>The answer depends on runs not done yet (not counted).</summary>
    NotYet,

    /// <summary>The current step asks no question.</summary>
    NoQuestion,
}
