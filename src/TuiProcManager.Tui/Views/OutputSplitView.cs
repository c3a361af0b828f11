using System.Drawing;
using Terminal.Gui.ViewBase;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The split output view: one <see cref="OutputPanel"/> per chosen worker (<see cref="OutputSplit"/>), side by
/// side or stacked as <see cref="SplitArrangement"/> decides for the place's size. Each pane follows its own
/// worker's tail, or stays where its user scrolled it, and takes the keyboard in turn (Tab); the filter and
/// the timestamps are the same in every pane. UI thread only.
/// </summary>
/// <remarks>
/// A batch refreshes only the panes whose worker wrote (as the single panel is refreshed only for the
/// selected worker): a flood of one worker costs what it costs in the single panel. A pane that stays in
/// the split keeps its place (its panel is reused); panes that do not fit are hidden, and the last shown
/// says how many.
/// </remarks>
internal sealed class OutputSplitView : View
{
    private readonly OutputModel _model;
    private readonly Func<WorkerId, string> _names;
    private readonly StateGlyphs _glyphs;
    private readonly List<OutputPanel> _panes = [];
    private SplitLayout _asked;
    private OutputFilter _filter;
    private bool _timestamps;

    public OutputSplitView(OutputModel model, Func<WorkerId, string> names, StateGlyphs glyphs)
    {
        _model = model;
        _names = names;
        _glyphs = glyphs;
        CanFocus = true;
    }

    /// <summary>The layout the panes are in now (for tests and the header).</summary>
    public SplitLayout Arranged { get; private set; }

    /// <summary>How many panes are shown now; the others did not fit.</summary>
    public int Shown { get; private set; }

    /// <summary>The panes, in the split's order (for tests).</summary>
    public IReadOnlyList<OutputPanel> Panes => _panes;

    /// <summary>Takes a pane's copied selection (y, Enter, a drag's release), as the Output panel's <see cref="OutputSelector.Copy"/> does.</summary>
    public Action<IReadOnlyList<string>>? Copy { get; set; }

    /// <summary>Shows <paramref name="split"/>'s workers in its layout: panes of workers still in it are kept as they are.</summary>
    public void Show(OutputSplit split)
    {
        ArgumentNullException.ThrowIfNull(split);
        bool hadFocus = HasFocus;
        foreach (OutputPanel gone in _panes.Where(p => p.Worker is not { } w || !split.Contains(w)).ToList())
        {
            _panes.Remove(gone);
            Remove(gone);
            gone.Dispose();
        }

        foreach (WorkerId worker in split.Workers.Where(w => _panes.All(p => p.Worker != w)))
        {
            OutputPanel pane = new(_model, _names, _glyphs) { TitlePrefix = "", Filter = _filter, Timestamps = _timestamps };
            pane.Selector.Copy = lines => Copy?.Invoke(lines);
            pane.ShowWorker(worker);
            _panes.Add(pane);
            Add(pane);
        }

        _panes.Sort((a, b) => IndexIn(split, a).CompareTo(IndexIn(split, b)));
        _asked = split.Layout;
        Arrange();
        if (hadFocus && !HasFocus)
        {
            FocusPane();
        }
    }

    /// <summary>Which streams every pane shows.</summary>
    public OutputFilter Filter
    {
        get => _filter;
        set
        {
            _filter = value;
            _panes.ForEach(p => p.Filter = value);
        }
    }

    /// <summary>Whether every pane shows each line's time.</summary>
    public bool Timestamps
    {
        get => _timestamps;
        set
        {
            _timestamps = value;
            _panes.ForEach(p => p.Timestamps = value);
        }
    }

    /// <summary>New lines: refreshes the panes of <paramref name="changed"/> (every pane when <paramref name="all"/>).</summary>
    public void Refresh(IReadOnlySet<WorkerId> changed, bool all)
    {
        ArgumentNullException.ThrowIfNull(changed);
        foreach (OutputPanel pane in _panes)
        {
            if (all || (pane.Worker is { } w && changed.Contains(w)))
            {
                pane.Refresh();
            }
        }
    }

    /// <summary>The pane that has the keyboard, else the first: the one a search and the keys act on.</summary>
    public OutputPanel? Current => _panes.FirstOrDefault(p => p.HasFocus) ?? _panes.FirstOrDefault();

    /// <summary>Gives the keyboard to the current pane's list.</summary>
    public void FocusPane() => Current?.FocusList();

    /// <summary>A new size: the panes laid out again for it.</summary>
    protected override void OnViewportChanged(DrawEventArgs e)
    {
        base.OnViewportChanged(e);
        if (e.OldViewport.Size != e.NewViewport.Size)
        {
            Arrange();
        }
    }

    private void Arrange()
    {
        Size size = Viewport.Size;
        (SplitLayout layout, int shown) = SplitArrangement.Choose(size.Width, size.Height, _panes.Count, _asked);
        (Arranged, Shown) = (layout, Math.Min(shown, _panes.Count));
        for (int i = 0; i < _panes.Count; i++)
        {
            OutputPanel pane = _panes[i];
            pane.Visible = i < Shown;
            if (pane.Visible)
            {
                Rectangle frame = SplitArrangement.Pane(i, Shown, layout, size.Width, size.Height);
                (pane.X, pane.Y, pane.Width, pane.Height) = (frame.X, frame.Y, frame.Width, frame.Height);
            }

            int hidden = _panes.Count - Shown;
            pane.Note = i == Shown - 1 && hidden > 0 ? $"{hidden} more not shown: too small" : null;
        }
    }

    private static int IndexIn(OutputSplit split, OutputPanel pane) =>
        pane.Worker is { } w ? split.Workers.ToList().IndexOf(w) : int.MaxValue;
}
