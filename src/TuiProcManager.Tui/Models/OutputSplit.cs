using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Models;

/// <summary>
/// The workers chosen for the split output view, in the order they were added, and its layout. Plain
/// state: the view (<see cref="Views.OutputSplitView"/>) draws it, the settings file remembers it. UI thread only.
/// </summary>
/// <remarks>A split shows from two workers up (one chosen worker is the plain output panel); at most <see cref="MaxPanes"/>.</remarks>
internal sealed class OutputSplit
{
    /// <summary>Most workers in the split.</summary>
    public const int MaxPanes = 4;

    private readonly List<WorkerId> _workers = [];

    /// <summary>The chosen workers, in the order they were added (the panes' order).</summary>
    public IReadOnlyList<WorkerId> Workers => _workers;

    /// <summary>How the panes are placed (the view may place them otherwise when they do not fit).</summary>
    public SplitLayout Layout { get; set; } = SplitLayout.Beside;

    /// <summary>Whether there are enough workers for a split.</summary>
    public bool Enough => _workers.Count >= 2;

    /// <summary>Adds <paramref name="worker"/>, or removes it if it is in; refused (false) when the split is full.</summary>
    public bool Toggle(WorkerId worker)
    {
        if (_workers.Remove(worker))
        {
            return true;
        }

        if (_workers.Count == MaxPanes)
        {
            return false;
        }

        _workers.Add(worker);
        return true;
    }

    /// <summary>Whether <paramref name="worker"/> is in the split.</summary>
    public bool Contains(WorkerId worker) => _workers.Contains(worker);

    /// <summary>Replaces the workers (a saved split): duplicates dropped, at most <see cref="MaxPanes"/>.</summary>
    public void Restore(IEnumerable<WorkerId> workers)
    {
        ArgumentNullException.ThrowIfNull(workers);
        _workers.Clear();
        foreach (WorkerId worker in workers.Distinct().Take(MaxPanes))
        {
            _workers.Add(worker);
        }
    }
}
