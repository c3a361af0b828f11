using TuiProcManager.Core.Os;

namespace TuiProcManager.Linux.Processes;

/// <summary>
/// One launch as the <see cref="StraySweeper"/> knows it: the number in its children's mark, where their
/// reports go, its process once started, and whether that has ended. Guarded by <see cref="StraySweeper.StartLock"/>.
/// </summary>
internal sealed class SweptLaunch(long id, IProcessEvents events)
{
    /// <summary>The launch number, the value of the mark its process and every descendant carry.</summary>
    public long Id { get; } = id;

    /// <summary>Where what the launch's process left behind is reported.</summary>
    public IProcessEvents Events { get; } = events;

    /// <summary>Its process; 0 until started.</summary>
    public int Pid { get; set; }

    /// <summary>Its process was reaped.</summary>
    public bool Ended { get; set; }
}
