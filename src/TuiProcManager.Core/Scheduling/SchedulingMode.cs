namespace TuiProcManager.Core.Scheduling;

/// <summary>How the supervisor lets workers use the CPUs: the lesson's parallel and asynchronous models.</summary>
public enum SchedulingMode
{
    /// <summary>Every worker runs at once, on all CPUs (the default).</summary>
    Parallel,

    /// <summary>
    /// At most K workers hold a run slot; when one starts waiting, its slot goes to the next in line
    /// (see <see cref="PauseOnWaitPolicy"/>): the lesson's asynchronous model, with processes.
    /// </summary>
    PauseOnWait,
}
