using TuiProcManager.Core.Os;

namespace TuiProcManager.Linux.Interop;

/// <summary>Linux signal numbers (x86-64, arm64 and most others) and their names.</summary>
internal static class Signals
{
    internal const int SIGHUP = 1;
    internal const int SIGINT = 2;
    internal const int SIGKILL = 9;
    internal const int SIGTERM = 15;
    internal const int SIGCONT = 18;
    internal const int SIGSTOP = 19;

    private static readonly string[] Names =
    [
        "", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE", "SIGKILL",
        "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT", "SIGCHLD", "SIGCONT",
        "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU", "SIGXFSZ", "SIGVTALRM", "SIGPROF",
        "SIGWINCH", "SIGIO", "SIGPWR", "SIGSYS",
    ];

    internal static int Number(ProcessSignal signal) => signal switch
    {
        ProcessSignal.Terminate => SIGTERM,
        ProcessSignal.Kill => SIGKILL,
        ProcessSignal.Stop => SIGSTOP,
        ProcessSignal.Continue => SIGCONT,
        _ => throw new ArgumentOutOfRangeException(nameof(signal)),
    };

    /// <summary><c>SIGTERM</c> for 15; <c>SIGRTMIN+3</c> or <c>signal 70</c> for the rest.</summary>
    internal static string Name(int signal) => signal switch
    {
        > 0 when signal < Names.Length => Names[signal],
        >= 34 and <= 64 => signal == 34 ? "SIGRTMIN" : $"SIGRTMIN+{signal - 34}",
        _ => $"signal {signal}",
    };
}
