using TuiProcManager.Core.Scheduling;

namespace TuiProcManager.Core.Supervision;

public sealed partial class Supervisor
{
    /// <summary>The scheduling mode and run slots now. For the supervisor's own tests: clients fold the events instead.</summary>
    public (SchedulingMode Mode, int Slots) Scheduling
    {
        get
        {
            lock (_gate)
            {
                return (_slotScheduler.Mode, _slotScheduler.Slots);
            }
        }
    }

    /// <summary>Switches the scheduling mode and slots, live (see <see cref="ISupervisor.ChangeSchedulingAsync"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slots"/> is below 1.</exception>
    /// <exception cref="ObjectDisposedException">The supervisor is shutting down.</exception>
    public void SetScheduling(SchedulingMode mode, int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            _slotScheduler.SetScheduling(mode, slots);
            _pace.StartStatePolling(restart: true); // wake polls start (or stop) now, not at the next slow tick
        }
    }
}
