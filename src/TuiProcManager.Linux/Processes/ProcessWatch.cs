using TuiProcManager.Core.Workers;
using TuiProcManager.Core.Os;

namespace TuiProcManager.Linux.Processes;

/// <summary>What the I/O loop follows for one process: its output pipes (stdout, stderr, results) and its exit.</summary>
/// <remarks>Created on the spawning thread, then used by the I/O thread only.</remarks>
internal sealed class ProcessWatch(PidfdProcess process, IProcessEvents events, IReadOnlyList<OutputPipe> pipes)
{
    public PidfdProcess Process { get; } = process;

    public IProcessEvents Events { get; } = events;

    /// <summary>Every pipe we read for this process, each with its own epoll key.</summary>
    public IReadOnlyList<OutputPipe> Pipes { get; } = pipes;

    /// <summary>Set once reaped; reported when every pipe is closed (or the drain deadline passes).</summary>
    public WorkerExit? Exit { get; set; }

    /// <summary>Environment.TickCount64 after which pipes still open after the exit are closed anyway.</summary>
    public long DrainDeadline { get; set; }

    public long ExitKey { get; init; }

    /// <summary>Asked for by the consumer side (any thread): stop reading the pipes.</summary>
    public volatile bool HoldRequested;

    /// <summary>The pipes are out of the epoll set (I/O thread only); <see cref="HoldRequested"/> is what is wanted.</summary>
    public bool Held { get; set; }

    /// <summary>The launch number in its guard mark (see <see cref="StraySweeper"/>); 0 when it has none.</summary>
    public long Launch { get; init; }

    public bool PipesClosed
    {
        get
        {
            foreach (OutputPipe pipe in Pipes)
            {
                if (pipe.IsOpen)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
