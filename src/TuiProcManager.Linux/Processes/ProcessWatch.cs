using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Linux.Processes;

/// <summary>What the I/O loop follows for one process: its two pipes and its exit.</summary>
/// <remarks>Created on the spawning thread, then used by the I/O thread only.</remarks>
internal sealed class ProcessWatch(PidfdProcess process, IProcessEvents events, OutputPipe stdout, OutputPipe stderr)
{
    public PidfdProcess Process { get; } = process;

    public IProcessEvents Events { get; } = events;

    public OutputPipe Stdout { get; } = stdout;

    public OutputPipe Stderr { get; } = stderr;

    /// <summary>Set once reaped; reported when both pipes are closed (or the drain deadline passes).</summary>
    public WorkerExit? Exit { get; set; }

    /// <summary>Environment.TickCount64 after which pipes still open after the exit are closed anyway.</summary>
    public long DrainDeadline { get; set; }

    public long StdoutKey { get; init; }

    public long StderrKey { get; init; }

    public long ExitKey { get; init; }

    public bool PipesClosed => !Stdout.IsOpen && !Stderr.IsOpen;
}
