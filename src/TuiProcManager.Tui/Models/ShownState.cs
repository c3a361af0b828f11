using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Models;

/// <summary>A worker's state as the panels show it: the OS state, and whether a stop is the scheduler's queue.</summary>
/// <param name="State">The state read from the OS.</param>
/// <param name="Queued">Stopped by the pause-on-wait scheduler, waiting for a run slot (only with <see cref="WorkerState.Paused"/>).</param>
internal readonly record struct ShownState(WorkerState State, bool Queued = false)
{
    /// <summary>How many different shown states there are: every <see cref="WorkerState"/>, and queued.</summary>
    public static readonly int Count = Enum.GetValues<WorkerState>().Length + 1;

    /// <summary>A dense index in 0 .. <see cref="Count"/> - 1 (queued last).</summary>
    public int Index => Queued ? Count - 1 : (int)State;

    /// <summary>The state of an <see cref="Index"/>.</summary>
    public static ShownState FromIndex(int index) => index == Count - 1 ? new(WorkerState.Paused, true) : new((WorkerState)index);

    /// <summary>The lower-case name the transitions list uses: <c>running</c>, <c>queued</c>…</summary>
    public override string ToString() => Queued ? "queued" : State.ToString().ToLowerInvariant();
}
