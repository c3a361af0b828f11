using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Linux.Tests.TestSupport;

/// <summary>Everything one process reported, in order, as the I/O thread delivered it.</summary>
/// <remarks>Breaches of the contract are counted, not thrown: an exception here would land on the I/O thread.</remarks>
internal sealed class RecordingEvents : IProcessEvents
{
    private readonly Lock _lock = new();
    private readonly List<(OutputChannel Channel, string Line)> _lines = [];
    private readonly List<LeftBehindProcess> _leftBehind = [];
    private readonly List<bool> _holds = [];
    private readonly TaskCompletionSource<WorkerExit> _exit = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when the exit is reported.</summary>
    public Task<WorkerExit> Exit => _exit.Task;

    /// <summary>Output delivered after the exit, or exits after the first: 0 unless the contract was broken.</summary>
    public int Breaches { get; private set; }

    public string[] Lines(OutputChannel channel)
    {
        lock (_lock)
        {
            return [.. _lines.Where(l => l.Channel == channel).Select(l => l.Line)];
        }
    }

    /// <summary>The exit, failing after <see cref="RealSupervisor.Bound"/>.</summary>
    public Task<WorkerExit> ExitAsync() => Exit.WaitAsync(RealSupervisor.Bound);

    public void OnOutput(OutputChannel channel, IReadOnlyList<string> lines)
    {
        lock (_lock)
        {
            Breaches += _exit.Task.IsCompleted ? 1 : 0;
            _lines.AddRange(lines.Select(l => (channel, l)));
        }
    }

    /// <summary>What was reported left behind, so far.</summary>
    public LeftBehindProcess[] LeftBehind
    {
        get
        {
            lock (_lock)
            {
                return [.. _leftBehind];
            }
        }
    }

    public void OnLeftBehind(LeftBehindProcess process)
    {
        lock (_lock)
        {
            _leftBehind.Add(process);
        }
    }

    /// <summary>Each hold and release the I/O thread reported, in order.</summary>
    public bool[] Holds
    {
        get
        {
            lock (_lock)
            {
                return [.. _holds];
            }
        }
    }

    public void OnOutputHeld(bool held)
    {
        lock (_lock)
        {
            Breaches += _exit.Task.IsCompleted ? 1 : 0;
            _holds.Add(held);
        }
    }

    public void OnExited(WorkerExit exit)
    {
        lock (_lock)
        {
            Breaches += _exit.TrySetResult(exit) ? 0 : 1;
        }
    }
}
