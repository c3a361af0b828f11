using System.Drawing;
using System.Globalization;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiProcManager.Core.Text;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Drawing;
using TuiProcManager.Tui.Views.Pointer;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The Output panel: the selected worker's lines as they arrive (stderr marked), or every worker's merged
/// and tagged; stdout, stderr or both (<see cref="Filter"/>), with or without each line's time; follows the
/// tail unless the user has scrolled up; search with <c>/</c>, <c>n</c>, <c>N</c> in what it shows. A pane of
/// the split (<see cref="OutputSplitView"/>) is one of these shown one worker for good.
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
    private string? _searchNote; // the last search's outcome, for the title

    public OutputPanel(OutputModel model, Func<WorkerId, string> names, StateGlyphs glyphs)
        : base(glyphs)
    {
        _model = model;
        _names = names;
        CanFocus = true;
        _source = new OutputListSource();
        _list = new ListView
        {
            Source = _source,
            KeystrokeNavigator = null, // else letters are taken for type-to-search and never reach our keys
        };
        SetContent(_list);
        Selector = new OutputSelector(_list, _source);
        _list.ViewportChanged += OnListViewportChanged;
        MouseGesture.ScrollOnWheel(_list); // a notch scrolls 3 lines as PgUp does: scrolled up, the tail is no longer followed
        UpdateTitle();
    }

    /// <summary>True when showing every worker's lines merged.</summary>
    public bool Merged { get; private set; }

    /// <summary>The selection of lines for a copy (v, a mouse drag).</summary>
    public OutputSelector Selector { get; }

    /// <summary>
    /// Every line shown (the selected worker's, or all merged) as copied (<see cref="OutputListSource.CopyText"/>),
    /// what they are in words ("1 square", "all workers, merged") and how many earlier ones were dropped.
    /// </summary>
    public (IReadOnlyList<string> Lines, string Who, long Dropped) AllLines() =>
        ([.. Enumerable.Range(0, _source.Count).Select(_source.CopyText)],
         Merged ? "all workers, merged" : _worker is { } id ? $"{id} {_names(id)}" : "no worker",
         Merged ? _model.MergedDropped : _worker is { } w ? _model.For(w).Dropped : 0);

    /// <summary>The last search, for n and N.</summary>
    public string? Query { get; private set; }

    /// <summary>What the title starts with: "Output · " for the panel, nothing for a pane of the split (narrow: the worker comes first).</summary>
    public string TitlePrefix { get; init; } = "Output · ";

    /// <summary>Said at the end of the title (a split's panes that do not fit), or null.</summary>
    public string? Note
    {
        get => _note;
        set
        {
            if (_note != value)
            {
                _note = value;
                UpdateTitle();
            }
        }
    }

    private string? _note;

    /// <summary>Which streams are shown; a change shows the tail again (the lines shown are others).</summary>
    public OutputFilter Filter
    {
        get => _filter;
        set
        {
            if (_filter != value)
            {
                _filter = value;
                Reload();
            }
        }
    }

    private OutputFilter _filter;

    /// <summary>Whether each line starts with the time it was read, in local time; the place in the lines is kept.</summary>
    public bool Timestamps
    {
        get => _source.Timestamps;
        set
        {
            if (_source.Timestamps != value)
            {
                _source.Timestamps = value;
                UpdateTitle();
                _list.SetNeedsDraw();
            }
        }
    }

    /// <summary>The worker shown (when not merged).</summary>
    public WorkerId? Worker => _worker;

    /// <summary>Shows <paramref name="worker"/>'s lines (merged: the selection is remembered for later, the view stays as it is).</summary>
    public void ShowWorker(WorkerId? worker)
    {
        if (worker == _worker)
        {
            return;
        }

        _worker = worker;
        if (!Merged)
        {
            Reload();
        }
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
        ShownLines lines = _source.Lines;
        lines.Sync();
        Rectangle viewport = _list.Viewport;
        long evicted = lines.Evicted - _evictedSeen;
        _evictedSeen = lines.Evicted;
        bool atTail = !Selector.Active && (viewport.Y + viewport.Height >= _countSeen || _countSeen <= viewport.Height); // a selection holds its lines in view
        _countSeen = lines.Count;
        if (evicted > 0 && _list.SelectedItem is { } selected)
        {
            // The selected line (a search's match) moved up by as many as fell out; gone if it fell out too.
            _list.SelectedItem = selected - evicted >= 0 ? (int)(selected - evicted) : null;
        }

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

    /// <summary>
    /// Finds <paramref name="query"/> (a new search: from the selected line, else from the first line)
    /// or the last query again (null: n and N, from the line after or before the selected one), in the
    /// lines as shown (a merged line's worker tag included), ignoring case; wraps around, and says so.
    /// The match is selected and scrolled into view; the outcome stays in the title until the next search
    /// or another view.
    /// </summary>
    /// <returns>What happened, in words: the match's place among all, "not found", or that there was no search yet.</returns>
    public string Search(string? query, bool forward)
    {
        bool again = string.IsNullOrEmpty(query);
        Query = again ? Query : query;
        if (Query is not { } wanted)
        {
            return "no search yet: / searches the output";
        }

        int count = _source.Count;
        int from = _list.SelectedItem is { } s && s < count
            ? (again ? s : s + (forward ? -1 : 1))
            : forward ? -1 : count;
        int? found = OutputModel.Find(count, _source.Text, wanted, from, forward);
        string shown = "/" + InputText.Shorten(wanted, 30);
        if (found is not { } i)
        {
            _searchNote = $"{shown}: not found";
            UpdateTitle();
            return $"{_searchNote} in {Who()}";
        }

        _list.SelectedItem = i;
        _list.EnsureSelectedItemVisible();
        int matches = 0, ordinal = 0;
        for (int line = 0; line < count; line++)
        {
            if (_source.Text(line).Contains(wanted, StringComparison.OrdinalIgnoreCase))
            {
                matches++;
                ordinal += line <= i ? 1 : 0;
            }
        }

        bool wrapped = forward ? from >= 0 && i <= from : from < count && i >= from;
        _searchNote = $"{shown}: match {N(ordinal)} of {N(matches)}" + (!wrapped ? "" : forward ? ", wrapped to the top" : ", wrapped to the bottom");
        UpdateTitle();
        return $"{_searchNote}, line {N(i + 1)} of {Who()}";
    }

    /// <summary>Gives the list the keyboard.</summary>
    public void FocusList() => _list.SetFocus();

    private void Reload()
    {
        BoundedRing<OutputEntry> lines = Merged ? _model.Merged : _worker is { } w ? _model.For(w).Lines : Empty;
        Selector.Cancel(); // its lines are another view's
        _source.Show(lines, _filter, Merged, id => id.ToString() + " " + _names(id));
        _evictedSeen = _source.Lines.Evicted;
        _countSeen = _source.Lines.Count;
        _list.SelectedItem = null;
        _searchNote = Query is null ? null : "/" + InputText.Shorten(Query, 30) + ": n, N to search here";
        FollowTail();
        UpdateTitle();
    }

    private string Who() => Merged ? "the merged output" : _worker is { } id ? $"{id} {_names(id)}'s output" : "no worker's output";

    /// <summary>
    /// The panel grew or shrank (a header message took a row, the terminal was resized): a view that showed
    /// the tail keeps showing it, and a selected match stays in view. A scroll moves Y and keeps the height,
    /// so it is not taken for this; and setting the viewport here keeps the height, so this does not recur.
    /// </summary>
    private void OnListViewportChanged(object? sender, DrawEventArgs e)
    {
        if (e.OldViewport.Height == e.NewViewport.Height)
        {
            return;
        }

        if (_list.SelectedItem is not null)
        {
            _list.EnsureSelectedItemVisible();
        }
        else if (e.OldViewport.Y + e.OldViewport.Height >= _source.Count || _source.Count <= e.OldViewport.Height)
        {
            FollowTail();
        }
    }

    private void FollowTail() =>
        _list.Viewport = _list.Viewport with { Y = Math.Max(0, _source.Count - Math.Max(1, _list.Viewport.Height)) };

    private void UpdateTitle()
    {
        long dropped = Merged ? _model.MergedDropped : _worker is { } w ? _model.For(w).Dropped : 0;
        string who = Merged ? "all workers, merged" : _worker is { } id ? $"{id} {_names(id)}" : "no worker selected";
        string text = $"{TitlePrefix}{who} · {Plural.Of(_source.Count, "line")}";
        text += _filter switch
        {
            OutputFilter.Stdout => " · stdout only",
            OutputFilter.Stderr => " · stderr only",
            _ => "",
        };
        text += _source.Timestamps ? " · timestamps" : "";
        if (dropped > 0)
        {
            text += $" · {N(dropped)} dropped";
        }

        if (_note is not null)
        {
            text += " · " + _note;
        }

        if (_searchNote is not null)
        {
            text += " · " + _searchNote;
        }

        Title = text;
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
