namespace TuiProcManager.Tui.Models;

/// <summary>One worker's scrollback and what it lost.</summary>
internal sealed class WorkerOutput(int capacity)
{
    public BoundedRing<OutputEntry> Lines { get; } = new(capacity);

    /// <summary>Lines this panel never got: the stream dropped them because the UI fell behind.</summary>
    public long NotDelivered { get; set; }

    /// <summary>Lines lost to this worker's view: scrolled out of the bounded scrollback, or never delivered.</summary>
    public long Dropped => Lines.Evicted + NotDelivered;
}
