using TuiProcManager.Core.Events;
using TuiProcManager.Labs.Explaining;

namespace TuiProcManager.Tui.Models;

/// <summary>
/// The Explain panel's state: an explanation for every action and state change, newest last, bounded.
/// A worker flipping between running and waiting many times a second would bury everything else, so
/// a burst of state changes keeps one entry per worker (its latest, with a count), and a run of results
/// keeps one entry (the latest, with a count).
/// </summary>
/// <remarks>UI thread only, like every panel model.</remarks>
internal sealed class ExplainModel(Explainer explainer)
{
    /// <summary>Most entries kept; the oldest go first.</summary>
    public const int Capacity = 200;

    private readonly List<ExplainEntry> _entries = [];

    /// <summary>The entries, oldest first.</summary>
    public IReadOnlyList<ExplainEntry> Entries => _entries;

    /// <summary>Folds in <paramref name="e"/>; true when the entries changed.</summary>
    public bool Apply(SupervisorEvent e)
    {
        if (explainer.Explain(e) is not { } x)
        {
            return false;
        }

        if (Folded(x) is { } index)
        {
            ExplainEntry before = _entries[index];
            _entries.RemoveAt(index);
            _entries.Add(new ExplainEntry(x, before.Count + 1));
        }
        else
        {
            _entries.Add(new ExplainEntry(x, 1));
            if (_entries.Count > Capacity)
            {
                _entries.RemoveAt(0);
            }
        }

        return true;
    }

    /// <summary>The entry <paramref name="x"/> folds into: the same worker's among the trailing state changes, or the last result.</summary>
    private int? Folded(Explanation x)
    {
        if (x.Topic == "result")
        {
            return _entries.Count > 0 && _entries[^1].Latest.Topic == "result" ? _entries.Count - 1 : null;
        }

        if (!IsState(x.Topic) || x.Worker is null)
        {
            return null;
        }

        for (int i = _entries.Count - 1; i >= 0 && IsState(_entries[i].Latest.Topic); i--)
        {
            if (_entries[i].Latest.Worker == x.Worker)
            {
                return i;
            }
        }

        return null;
    }

    private static bool IsState(string topic) => topic.StartsWith("state.", StringComparison.Ordinal);
}
