using System.Drawing;
using System.Globalization;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Drawing;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The Output panel: the selected worker's lines as they arrive (stderr marked), or every worker's merged
/// and tagged; follows the tail unless the user has scrolled up; search with <c>/</c>, <c>n</c>, <c>N</c>.
/// </summary>
internal sealed class OutputPanel : PanelView
{
    private static readonly BoundedRing<OutputEntry> Empty = new(1);

    private readonly OutputModel _model;
    private readonly Func<WorkerId, string> _names;
    private readonly OutputListSource _source;
    private readonly ListView _list;
    private WorkerId? _worker;
    private long _evictedSeen;
    private int _countSeen; // lines in view at the last refresh: was the user at the tail then?

    public OutputPanel(OutputModel model, Func<WorkerId, string> names, StateGlyphs glyphs)
        : base(glyphs)
    {
        _model = model;
        _names = names;
        CanFocus = true;
        _source = new OutputListSource(Empty);
        _list = new ListView
        {
            Source = _source,
            KeystrokeNavigator = null, // else letters are taken for type-to-search and never reach our keys
        };
        SetContent(_list);
        UpdateTitle();
    }

    /// <summary>True when showing every worker's lines merged.</summary>
    public bool Merged { get; private set; }

    /// <summary>The last search, for n and N.</summary>
    public string? Query { get; private set; }

    /// <summary>Shows <paramref name="worker"/>'s lines (unless merged).</summary>
    public void ShowWorker(WorkerId? worker)
    {
        if (worker == _worker && !Merged)
        {
            return;
        }

        _worker = worker;
        Reload();
    }

    /// <summary>Toggles between the selected worker's lines and all workers merged.</summary>
    public void ToggleMerged()
    {
        Merged = !Merged;
        Reload();
    }

    /// <summary>New lines arrived: redraw, following the tail if the user was at it.</summary>
    public void Refresh()
    {
        BoundedRing<OutputEntry> lines = _source.Lines;
        Rectangle viewport = _list.Viewport;
        long evicted = lines.Evicted - _evictedSeen;
        _evictedSeen = lines.Evicted;
        bool atTail = viewport.Y + viewport.Height >= _countSeen || _countSeen <= viewport.Height;
        _countSeen = lines.Count;
        _source.Changed();
        if (atTail)
        {
            FollowTail();
        }
        else if (evicted > 0)
        {
            // Older lines fell out of the scrollback: keep the same lines in view.
            _list.Viewport = viewport with { Y = (int)Math.Max(0, viewport.Y - evicted) };
        }

        UpdateTitle();
    }

    /// <summary>Finds <paramref name="query"/> (or the last query) forward or backward from the selected line.</summary>
    /// <returns>False when nothing matches.</returns>
    public bool Search(string? query, bool forward)
    {
        Query = string.IsNullOrEmpty(query) ? Query : query;
        if (Query is null)
        {
            return false;
        }

        int from = _list.SelectedItem ?? (forward ? -1 : _source.Count);
        int? found = OutputModel.Find(_source.Lines, Query, from, forward);
        if (found is { } i)
        {
            _list.SelectedItem = i;
            _list.EnsureSelectedItemVisible();
        }

        UpdateTitle(found is null ? "not found" : null);
        return found is not null;
    }

    /// <summary>Gives the list the keyboard.</summary>
    public void FocusList() => _list.SetFocus();

    private void Reload()
    {
        BoundedRing<OutputEntry> lines = Merged ? _model.Merged : _worker is { } w ? _model.For(w).Lines : Empty;
        _evictedSeen = lines.Evicted;
        _countSeen = lines.Count;
        _source.Show(lines, Merged, id => id.ToString() + " " + _names(id));
        _list.SelectedItem = null;
        FollowTail();
        UpdateTitle();
    }

    private void FollowTail() =>
        _list.Viewport = _list.Viewport with { Y = Math.Max(0, _source.Count - Math.Max(1, _list.Viewport.Height)) };

    private void UpdateTitle(string? searchNote = null)
    {
        long dropped = Merged ? _model.MergedDropped : _worker is { } w ? _model.For(w).Dropped : 0;
        string who = Merged ? "all workers, merged" : _worker is { } id ? $"{id} {_names(id)}" : "no worker selected";
        string text = $"Output · {who} · {_source.Count.ToString("N0", CultureInfo.InvariantCulture)} lines";
        if (dropped > 0)
        {
            text += $" · {dropped.ToString("N0", CultureInfo.InvariantCulture)} dropped";
        }

        if (Query is not null)
        {
            text += $" · /{Query}" + (searchNote is null ? "" : " " + searchNote);
        }

        Title = text;
    }
}
