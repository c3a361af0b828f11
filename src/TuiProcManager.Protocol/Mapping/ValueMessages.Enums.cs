using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Protocol;

/// <summary>
/// Core's enums and the protocol's, value by value: the numbers happen to agree today, but each side may
/// grow on its own, so nothing here casts.
/// </summary>
/// <remarks>
/// A wire value this build does not know (from a newer revision, proto3 keeps it as a number) is a
/// <see cref="ProtocolException"/>; a Core value without a wire form is a bug here, an
/// <see cref="ArgumentOutOfRangeException"/>.
/// </remarks>
public static partial class ValueMessages
{
    /// <summary>What a worker runs, on the wire.</summary>
    public static V1.WorkerKind ToWire(this WorkerKind workerKind) => workerKind switch
    {
        WorkerKind.Square => V1.WorkerKind.Square,
        WorkerKind.Cube => V1.WorkerKind.Cube,
        WorkerKind.Command => V1.WorkerKind.Command,
        WorkerKind.Pool => V1.WorkerKind.Pool,
        _ => throw new ArgumentOutOfRangeException(nameof(workerKind), workerKind, "no wire form"),
    };

    /// <summary>What a worker runs.</summary>
    /// <exception cref="ProtocolException">A value this build does not know.</exception>
    public static WorkerKind ToCore(this V1.WorkerKind m, string field = "kind") => m switch
    {
        V1.WorkerKind.Square => WorkerKind.Square,
        V1.WorkerKind.Cube => WorkerKind.Cube,
        V1.WorkerKind.Command => WorkerKind.Command,
        V1.WorkerKind.Pool => WorkerKind.Pool,
        _ => throw InvalidField.UnknownValue(field, nameof(V1.WorkerKind), (int)m),
    };

    /// <summary>Where a worker is in its life, on the wire.</summary>
    public static V1.WorkerState ToWire(this WorkerState workerState) => workerState switch
    {
        WorkerState.Starting => V1.WorkerState.Starting,
        WorkerState.Running => V1.WorkerState.Running,
        WorkerState.Waiting => V1.WorkerState.Waiting,
        WorkerState.Paused => V1.WorkerState.Paused,
        WorkerState.Ended => V1.WorkerState.Ended,
        _ => throw new ArgumentOutOfRangeException(nameof(workerState), workerState, "no wire form"),
    };

    /// <summary>Where a worker is in its life.</summary>
    /// <exception cref="ProtocolException">A value this build does not know.</exception>
    public static WorkerState ToCore(this V1.WorkerState m, string field = "state") => m switch
    {
        V1.WorkerState.Starting => WorkerState.Starting,
        V1.WorkerState.Running => WorkerState.Running,
        V1.WorkerState.Waiting => WorkerState.Waiting,
        V1.WorkerState.Paused => WorkerState.Paused,
        V1.WorkerState.Ended => WorkerState.Ended,
        _ => throw InvalidField.UnknownValue(field, nameof(V1.WorkerState), (int)m),
    };

    /// <summary>How a worker ended, on the wire.</summary>
    public static V1.ExitKind ToWire(this ExitKind exitKind) => exitKind switch
    {
        ExitKind.Exited => V1.ExitKind.Exited,
        ExitKind.Signaled => V1.ExitKind.Signaled,
        ExitKind.FailedToStart => V1.ExitKind.FailedToStart,
        ExitKind.Unknown => V1.ExitKind.Unknown,
        _ => throw new ArgumentOutOfRangeException(nameof(exitKind), exitKind, "no wire form"),
    };

    /// <summary>How a worker ended.</summary>
    /// <exception cref="ProtocolException">A value this build does not know.</exception>
    public static ExitKind ToCore(this V1.ExitKind m, string field = "kind") => m switch
    {
        V1.ExitKind.Exited => ExitKind.Exited,
        V1.ExitKind.Signaled => ExitKind.Signaled,
        V1.ExitKind.FailedToStart => ExitKind.FailedToStart,
        V1.ExitKind.Unknown => ExitKind.Unknown,
        _ => throw InvalidField.UnknownValue(field, nameof(V1.ExitKind), (int)m),
    };

    /// <summary>Which output a line came from, on the wire.</summary>
    public static V1.OutputChannel ToWire(this OutputChannel outputChannel) => outputChannel switch
    {
        OutputChannel.Stdout => V1.OutputChannel.Stdout,
        OutputChannel.Stderr => V1.OutputChannel.Stderr,
        OutputChannel.Results => V1.OutputChannel.Results,
        _ => throw new ArgumentOutOfRangeException(nameof(outputChannel), outputChannel, "no wire form"),
    };

    /// <summary>Which output a line came from.</summary>
    /// <exception cref="ProtocolException">A value this build does not know.</exception>
    public static OutputChannel ToCore(this V1.OutputChannel m, string field = "channel") => m switch
    {
        V1.OutputChannel.Stdout => OutputChannel.Stdout,
        V1.OutputChannel.Stderr => OutputChannel.Stderr,
        V1.OutputChannel.Results => OutputChannel.Results,
        _ => throw InvalidField.UnknownValue(field, nameof(V1.OutputChannel), (int)m),
    };

    /// <summary>A signal the supervisor sends, on the wire.</summary>
    public static V1.Signal ToWire(this ProcessSignal processSignal) => processSignal switch
    {
        ProcessSignal.Terminate => V1.Signal.Sigterm,
        ProcessSignal.Kill => V1.Signal.Sigkill,
        ProcessSignal.Stop => V1.Signal.Sigstop,
        ProcessSignal.Continue => V1.Signal.Sigcont,
        _ => throw new ArgumentOutOfRangeException(nameof(processSignal), processSignal, "no wire form"),
    };

    /// <summary>A signal the supervisor sends.</summary>
    /// <exception cref="ProtocolException">A value this build does not know.</exception>
    public static ProcessSignal ToCore(this V1.Signal m, string field = "signal") => m switch
    {
        V1.Signal.Sigterm => ProcessSignal.Terminate,
        V1.Signal.Sigkill => ProcessSignal.Kill,
        V1.Signal.Sigstop => ProcessSignal.Stop,
        V1.Signal.Sigcont => ProcessSignal.Continue,
        _ => throw InvalidField.UnknownValue(field, nameof(V1.Signal), (int)m),
    };

    /// <summary>Who or what a signal came from, on the wire.</summary>
    public static V1.SignalCause ToWire(this SignalCause signalCause) => signalCause switch
    {
        SignalCause.Request => V1.SignalCause.Request,
        SignalCause.FollowUp => V1.SignalCause.FollowUp,
        SignalCause.Scheduler => V1.SignalCause.Scheduler,
        SignalCause.Shutdown => V1.SignalCause.Shutdown,
        _ => throw new ArgumentOutOfRangeException(nameof(signalCause), signalCause, "no wire form"),
    };

    /// <summary>Who or what a signal came from.</summary>
    /// <exception cref="ProtocolException">A value this build does not know.</exception>
    public static SignalCause ToCore(this V1.SignalCause m, string field = "cause") => m switch
    {
        V1.SignalCause.Request => SignalCause.Request,
        V1.SignalCause.FollowUp => SignalCause.FollowUp,
        V1.SignalCause.Scheduler => SignalCause.Scheduler,
        V1.SignalCause.Shutdown => SignalCause.Shutdown,
        _ => throw InvalidField.UnknownValue(field, nameof(V1.SignalCause), (int)m),
    };

    /// <summary>How a join ended, on the wire.</summary>
    public static V1.JoinOutcome ToWire(this JoinOutcome joinOutcome) => joinOutcome switch
    {
        JoinOutcome.Ended => V1.JoinOutcome.Ended,
        JoinOutcome.TimedOut => V1.JoinOutcome.TimedOut,
        JoinOutcome.Cancelled => V1.JoinOutcome.Cancelled,
        _ => throw new ArgumentOutOfRangeException(nameof(joinOutcome), joinOutcome, "no wire form"),
    };

    /// <summary>How a join ended.</summary>
    /// <exception cref="ProtocolException">A value this build does not know.</exception>
    public static JoinOutcome ToCore(this V1.JoinOutcome m, string field = "outcome") => m switch
    {
        V1.JoinOutcome.Ended => JoinOutcome.Ended,
        V1.JoinOutcome.TimedOut => JoinOutcome.TimedOut,
        V1.JoinOutcome.Cancelled => JoinOutcome.Cancelled,
        _ => throw InvalidField.UnknownValue(field, nameof(V1.JoinOutcome), (int)m),
    };

    /// <summary>The scheduling mode, on the wire.</summary>
    public static V1.SchedulingMode ToWire(this SchedulingMode schedulingMode) => schedulingMode switch
    {
        SchedulingMode.Parallel => V1.SchedulingMode.Parallel,
        SchedulingMode.PauseOnWait => V1.SchedulingMode.PauseOnWait,
        _ => throw new ArgumentOutOfRangeException(nameof(schedulingMode), schedulingMode, "no wire form"),
    };

    /// <summary>The scheduling mode.</summary>
    /// <exception cref="ProtocolException">A value this build does not know.</exception>
    public static SchedulingMode ToCore(this V1.SchedulingMode m, string field = "mode") => m switch
    {
        V1.SchedulingMode.Parallel => SchedulingMode.Parallel,
        V1.SchedulingMode.PauseOnWait => SchedulingMode.PauseOnWait,
        _ => throw InvalidField.UnknownValue(field, nameof(V1.SchedulingMode), (int)m),
    };

    /// <summary>What the pause-on-wait scheduler did with a worker, on the wire.</summary>
    public static V1.SlotChange ToWire(this SlotChange slotChange) => slotChange switch
    {
        SlotChange.Granted => V1.SlotChange.Granted,
        SlotChange.Queued => V1.SlotChange.Queued,
        SlotChange.Released => V1.SlotChange.Released,
        SlotChange.Left => V1.SlotChange.Left,
        _ => throw new ArgumentOutOfRangeException(nameof(slotChange), slotChange, "no wire form"),
    };

    /// <summary>What the pause-on-wait scheduler did with a worker.</summary>
    /// <exception cref="ProtocolException">A value this build does not know.</exception>
    public static SlotChange ToCore(this V1.SlotChange m, string field = "change") => m switch
    {
        V1.SlotChange.Granted => SlotChange.Granted,
        V1.SlotChange.Queued => SlotChange.Queued,
        V1.SlotChange.Released => SlotChange.Released,
        V1.SlotChange.Left => SlotChange.Left,
        _ => throw InvalidField.UnknownValue(field, nameof(V1.SlotChange), (int)m),
    };
}
