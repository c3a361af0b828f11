using System.Globalization;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Models;

/// <summary>
/// The scheduling mode as the header shows it: parallel, or pause-on-wait with its slots, how many hold
/// one and how many are queued. Folded from the snapshot, <see cref="SchedulingChanged"/> and the counts
/// every <see cref="WorkerScheduled"/> carries. UI thread only.
/// </summary>
internal sealed class SchedulingModel
{
    public SchedulingMode Mode { get; private set; } = SchedulingMode.Parallel;

    /// <summary>Run slots of pause-on-wait mode (kept in parallel mode for the next switch).</summary>
    public int Slots { get; private set; } = 1;

    /// <summary>Workers holding a slot (pause-on-wait mode).</summary>
    public int Running { get; private set; }

    /// <summary>Workers queued for a slot (pause-on-wait mode).</summary>
    public int Queued { get; private set; }

    /// <summary>
    /// <c>parallel</c>, or <c>pause-on-wait, 1 slot · 1 running · 2 queued</c>; without the counts while no
    /// worker holds a slot or waits for one (none alive, or all asleep).
    /// </summary>
    public string Describe() => Mode == SchedulingMode.Parallel
        ? "parallel"
        : Running == 0 && Queued == 0
            ? "pause-on-wait, " + SlotsText(Slots)
            : string.Create(CultureInfo.InvariantCulture, $"pause-on-wait, {SlotsText(Slots)} · {Running} running · {Queued} queued");

    /// <summary><c>1 slot</c>, <c>3 slots</c>.</summary>
    public static string SlotsText(int slots) => string.Create(CultureInfo.InvariantCulture, $"{slots} slot{(slots == 1 ? "" : "s")}");

    /// <summary>Back to the start: parallel, nothing running or queued.</summary>
    public void Clear() => (Mode, Slots, Running, Queued) = (SchedulingMode.Parallel, 1, 0, 0);

    /// <summary>Takes one event into account; true when what <see cref="Describe"/> says may have changed.</summary>
    public bool Apply(SupervisorEvent e)
    {
        switch (e)
        {
            case SupervisorSnapshot s:
                (Mode, Slots) = (s.Mode, s.Slots);
                List<WorkerInfo> alive = [.. s.Workers.Where(w => w.State != WorkerState.Ended)];
                Queued = s.Mode == SchedulingMode.PauseOnWait ? alive.Count(w => w.Queued) : 0;

                // The snapshot does not say who holds a slot: the governed workers on a CPU are the holders.
                Running = s.Mode == SchedulingMode.PauseOnWait
                    ? Math.Min(s.Slots, alive.Count(w => !w.Queued && !w.PausedByUser && w.State is WorkerState.Running or WorkerState.Starting))
                    : 0;
                return true;
            case SchedulingChanged c:
                (Mode, Slots) = (c.Mode, c.Slots);
                if (c.Mode == SchedulingMode.Parallel)
                {
                    // Switching on, the decisions come before this event and have set the counts already.
                    (Running, Queued) = (0, 0);
                }

                return true;
            case WorkerScheduled s:
                (Running, Queued) = (s.SlotsInUse, s.Queued);
                return true;
            default:
                return false;
        }
    }
}
