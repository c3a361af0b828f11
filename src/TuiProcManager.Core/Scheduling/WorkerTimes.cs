using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Scheduling;

/// <summary>Where one worker's time went during a run.</summary>
/// <param name="Worker">The worker.</param>
/// <param name="Name">Its display name.</param>
/// <param name="Running">On a CPU or runnable (from its start until the first reading counts too).</param>
/// <param name="Waiting">Blocked in the kernel.</param>
/// <param name="Queued">Stopped by the pause-on-wait scheduler, waiting for a slot.</param>
/// <param name="Paused">Stopped by the user or from outside.</param>
public sealed record WorkerTimes(WorkerId Worker, string Name, TimeSpan Running, TimeSpan Waiting, TimeSpan Queued, TimeSpan Paused)
{
    /// <summary>What it would have taken alone, with a CPU to itself and no pauses: running plus waiting.</summary>
    public TimeSpan Alone => Running + Waiting;
}
