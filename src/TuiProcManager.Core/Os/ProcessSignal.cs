namespace TuiProcManager.Core.Os;

/// <summary>The signals the supervisor sends.</summary>
public enum ProcessSignal
{
    /// <summary>SIGTERM: asks the process to end.</summary>
    Terminate,

    /// <summary>SIGKILL: ends it; it cannot be caught or ignored.</summary>
    Kill,

    /// <summary>SIGSTOP: pauses it; it cannot be caught or ignored.</summary>
    Stop,

    /// <summary>SIGCONT: resumes a stopped process (and delivers signals that waited for it).</summary>
    Continue,
}

/// <summary>Names of <see cref="ProcessSignal"/> values.</summary>
public static class ProcessSignalNames
{
    /// <summary><c>SIGTERM</c>, <c>SIGKILL</c>, <c>SIGSTOP</c> or <c>SIGCONT</c>.</summary>
    public static string Name(this ProcessSignal signal) => signal switch
    {
        ProcessSignal.Terminate => "SIGTERM",
        ProcessSignal.Kill => "SIGKILL",
        ProcessSignal.Stop => "SIGSTOP",
        ProcessSignal.Continue => "SIGCONT",
        _ => throw new ArgumentOutOfRangeException(nameof(signal)),
    };
}
