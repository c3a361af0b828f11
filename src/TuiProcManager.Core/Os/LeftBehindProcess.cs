namespace TuiProcManager.Core.Os;

/// <summary>
/// A process that a worker started and that was still there after the worker ended, outside its process
/// group (it started its own session, or its parent exited and it was re-parented).
/// </summary>
/// <param name="Pid">Its process ID (gone, or still its own, see <paramref name="Ended"/>).</param>
/// <param name="Name">Short name of its program (<c>comm</c>).</param>
/// <param name="Ended">True when it was ended (and reaped); false when it survived.</param>
/// <param name="Detail">How it was ended, or why it could not be (e.g. "not permitted").</param>
public sealed record LeftBehindProcess(int Pid, string Name, bool Ended, string Detail);
