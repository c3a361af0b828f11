using System.Globalization;

namespace TuiProcManager.Core.Workers;

/// <summary>How a worker ended.</summary>
public enum ExitKind
{
    /// <summary>The program exited by itself with <see cref="WorkerExit.Code"/>.</summary>
    Exited,

    /// <summary>A signal ended it (<see cref="WorkerExit.Signal"/>).</summary>
    Signaled,

    /// <summary>It never ran (<see cref="WorkerExit.Reason"/>).</summary>
    FailedToStart,

    /// <summary>
    /// It ended but its status could not be read (<see cref="WorkerExit.Reason"/>): someone else reaped it,
    /// which happens when tuiproc runs as PID 1 and the .NET runtime reaps every child.
    /// </summary>
    Unknown,
}

/// <summary>How a worker ended: an exit code, a signal, or a failure to start.</summary>
public sealed record WorkerExit
{
    private WorkerExit(ExitKind kind, int? code, int? signal, string? signalName, string? reason)
    {
        Kind = kind;
        Code = code;
        Signal = signal;
        SignalName = signalName;
        Reason = reason;
    }

    /// <summary>Exited, signaled or failed to start.</summary>
    public ExitKind Kind { get; }

    /// <summary>The exit code, when <see cref="Kind"/> is <see cref="ExitKind.Exited"/>.</summary>
    public int? Code { get; }

    /// <summary>The signal number, when <see cref="Kind"/> is <see cref="ExitKind.Signaled"/>.</summary>
    public int? Signal { get; }

    /// <summary>The signal's name (<c>SIGTERM</c>), when <see cref="Kind"/> is <see cref="ExitKind.Signaled"/>.</summary>
    public string? SignalName { get; }

    /// <summary>Why it never ran (<see cref="ExitKind.FailedToStart"/>) or why its status is unknown (<see cref="ExitKind.Unknown"/>).</summary>
    public string? Reason { get; }

    /// <summary>True when it exited by itself with code 0.</summary>
    public bool Succeeded => Kind == ExitKind.Exited && Code == 0;

    /// <summary>
    /// What Python's <c>Process.exitcode</c> would say: the exit code, or minus the signal number
    /// (<c>-15</c> for SIGTERM); null when it never started.
    /// </summary>
    public int? PythonExitCode => Kind switch
    {
        ExitKind.Exited => Code,
        ExitKind.Signaled => -Signal,
        _ => null,
    };

    /// <summary>Exited by itself with <paramref name="code"/>.</summary>
    public static WorkerExit Exited(int code) => new(ExitKind.Exited, code, null, null, null);

    /// <summary>Ended by signal <paramref name="signal"/>, named <paramref name="name"/>.</summary>
    public static WorkerExit Signaled(int signal, string name) => new(ExitKind.Signaled, null, signal, name, null);

    /// <summary>Ended, but how could not be read, for <paramref name="reason"/>.</summary>
    public static WorkerExit Unknown(string reason) => new(ExitKind.Unknown, null, null, null, reason);

    /// <summary>Never started, for <paramref name="reason"/>.</summary>
    public static WorkerExit FailedToStart(string reason) => new(ExitKind.FailedToStart, null, null, null, reason);

    /// <summary><c>exit 0</c>, <c>killed by SIGTERM</c>, <c>failed to start: …</c>.</summary>
    public override string ToString() => Kind switch
    {
        ExitKind.Exited => "exit " + Code!.Value.ToString(CultureInfo.InvariantCulture),
        ExitKind.Signaled => "killed by " + SignalName,
        ExitKind.FailedToStart => "failed to start: " + Reason,
        _ => "ended, status unknown: " + Reason,
    };
}
