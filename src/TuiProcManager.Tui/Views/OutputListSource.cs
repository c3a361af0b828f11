using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using System.Text;
using Terminal.Gui.Drawing;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The output panel's lines: a window on one bounded scrollback (through its filter, <see cref="ShownLines"/>),
/// drawn one visible line at a time. Raises one change notification per batch, not per line (ListWrapper
/// would rescan every item per add).
/// </summary>
internal sealed class OutputListSource : IListDataSource
{
    private readonly ShownLines _lines = new();
    private bool _merged;
    private Func<WorkerId, string> _tag = _ => "";

    public event NotifyCollectionChangedEventHandler? CollectionChanged;

    public int Count => _lines.Count;

    public int MaxItemLength { get; private set; }

    public bool SuspendCollectionChangedEvent { get; set; }

    /// <summary>The lines shown.</summary>
    public ShownLines Lines => _lines;

    /// <summary>The lines selected for a copy (drawn highlighted), or null when none is.</summary>
    public Func<(int First, int Last)?>? Selected { get; set; }

    /// <summary>Whether each line starts with the time it was read, in local time (<c>12:03:04.512</c>).</summary>
    public bool Timestamps
    {
        get => _timestamps;
        set
        {
            _timestamps = value;
            MaxItemLength = 0;
            Changed();
        }
    }

    private bool _timestamps;

    /// <summary>Shows <paramref name="lines"/> through <paramref name="filter"/>; in merged mode each line is tagged with its worker.</summary>
    public void Show(BoundedRing<OutputEntry> lines, OutputFilter filter, bool merged, Func<WorkerId, string> tag)
    {
        _lines.Show(lines, filter);
        (_merged, _tag) = (merged, tag);
        MaxItemLength = 0;
        Changed();
    }

    /// <summary>Tells the list that lines were added (once per batch), after taking them into the filter's index.</summary>
    public void Changed()
    {
        _lines.Sync();
        if (!SuspendCollectionChangedEvent)
        {
            CollectionChanged?.Invoke(this, new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Reset));
        }
    }

    /// <summary>The line as drawn: its time (with <see cref="Timestamps"/>), a merged line's tag <c>[2 cube 10]</c>, stderr marked with '!'.</summary>
    public string Text(int item)
    {
        OutputEntry e = _lines[item];
        StringBuilder sb = new();
        if (_timestamps)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{e.Time.ToLocalTime():HH:mm:ss.fff} ");
        }

        if (_merged)
        {
            sb.Append('[').Append(_tag(e.Worker)).Append("] ");
        }

        sb.Append(e.Channel == OutputChannel.Stderr ? "! " : "  ").Append(e.Text);
        return sb.ToString();
    }

    /// <summary>
    /// The line as copied: as drawn (control characters shown as text, never sent raw), a merged line with its
    /// worker's tag, but without the stderr mark, which is not part of what the worker wrote.
    /// </summary>
    public string CopyText(int item)
    {
        OutputEntry e = _lines[item];
        return _merged ? $"[{_tag(e.Worker)}] {e.Text}" : e.Text;
    }

    public void Render(ListView listView, bool selected, int item, int col, int row, int width, int viewportX = 0)
    {
        ArgumentNullException.ThrowIfNull(listView);
        listView.Move(Math.Max(col - viewportX, 0), row);
        string text = item < _lines.Count ? Text(item) : "";
        int columns = text.GetColumns();
        if (columns > MaxItemLength)
        {
            MaxItemLength = columns;
        }

        if (Selected?.Invoke() is { } range && item >= range.First && item <= range.Last)
        {
            listView.SetAttribute(listView.GetAttributeForRole(VisualRole.Focus));
        }
        else if (!selected && item < _lines.Count && _lines[item].Channel == OutputChannel.Stderr)
        {
            listView.SetAttribute(Roles.Attribute(Roles.Stderr, listView));
        }

        ListRowText.Draw(listView, text, viewportX, width);
    }

    public bool IsMarked(int item) => false;

    public void SetMark(int item, bool value)
    {
    }

    public bool RenderMark(ListView listView, int item, int row, bool isMarked, bool markMultiple) => false;

    public IList ToList() => Enumerable.Range(0, _lines.Count).Select(Text).ToList();

    public void Dispose()
    {
    }
}
