using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Events;

/// <summary>
/// Something a worker started was still running after the worker ended, outside the worker's process
/// group, and was ended (or could not be). Never dropped: a survivor must not go unreported.
/// </summary>
/// <remarks>May come after the worker's <see cref="WorkerEnded"/>: such a process can be found late.</remarks>
/// <param name="Sequence">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Time">See <see cref="SupervisorEvent"/>.</param>
/// <param name="Worker">The worker it came from.</param>
/// <param name="Pid">Its process ID.</param>
/// <param name="Name">Short program name.</param>
/// <param name="Ended">True when it was ended; false when it survived (see <paramref name="Detail"/>).</param>
/// <param name="Detail">How it was ended, or why it could not be.</param>
public sealed record ProcessLeftBehind(long Sequence, DateTimeOffset Time, WorkerId Worker, int Pid, string Name, bool Ended, string Detail)
    : WorkerEvent(Sequence, Time, Worker)
{
    /// <summary>One line for a log: <c>pid 123 (sleep) was left behind and was killed</c>.</summary>
    public string Describe() =>
        $"pid {Pid} ({Name}) was left behind " + (Ended ? "and was ended: " : "and survived: ") + Detail;
}
