namespace TuiProcManager.Protocol;

/// <summary>Status messages that both sides of the protocol read, not only people.</summary>
public static class StatusLines
{
    /// <summary>FAILED_PRECONDITION's message when the session refuses new work because it is ending.</summary>
    public const string SessionEnding = "the session is ending";
}
