using System.Collections;
using System.Collections.Specialized;
using System.Globalization;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The Results panel's rows: a window on the bounded results ring, drawn one visible row at a time, one
/// change notification per batch (as <see cref="OutputListSource"/>).
/// </summary>
internal sealed class ResultsListSource(BoundedRing<ResultEntry> rows, Func<WorkerId, string> names) : IListDataSource
{
    /// <summary>Width the input → result column is padded to, so that workers and times line up for small results.</summary>
    internal const int TextColumn = 22;

    public event NotifyCollectionChangedEventHandler? CollectionChanged;

    public int Count => rows.Count;

    public int MaxItemLength { get; private set; }

    public bool SuspendCollectionChangedEvent { get; set; }

    public BoundedRing<ResultEntry> Rows => rows;

    /// <summary>Tells the list that rows were added (once per batch).</summary>
    public void Changed()
    {
        if (!SuspendCollectionChangedEvent)
        {
            CollectionChanged?.Invoke(this, new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Reset));
        }
    }

    /// <summary>The row as drawn: <c>  square(6) = 36   3 pool 1 worker  pid 4242  12:00:01.250</c>; a failure marked '!'.</summary>
    public string Text(int item)
    {
        ResultEntry e = rows[item];
        string pid = e.Pid is { } p ? "  pid " + p.ToString(CultureInfo.InvariantCulture) : "";
        return $"{(e.Failed ? "! " : "  ")}{e.Text.PadRight(TextColumn)}  {e.Worker} {names(e.Worker)}{pid}  {Format.Clock(e.Time)}";
    }

    public void Render(ListView listView, bool selected, int item, int col, int row, int width, int viewportX = 0)
    {
        ArgumentNullException.ThrowIfNull(listView);
        listView.Move(Math.Max(col - viewportX, 0), row);
        string text = item < rows.Count ? Text(item) : "";
        MaxItemLength = Math.Max(MaxItemLength, text.GetColumns());
        if (!selected && item < rows.Count && rows[item].Failed)
        {
            listView.SetAttribute(Roles.Attribute(Roles.Failed, listView));
        }

        ListRowText.Draw(listView, text, viewportX, width);
    }

    public bool IsMarked(int item) => false;

    public void SetMark(int item, bool value)
    {
    }

    public bool RenderMark(ListView listView, int item, int row, bool isMarked, bool markMultiple) => false;

    public IList ToList() => Enumerable.Range(0, rows.Count).Select(Text).ToList();

    public void Dispose()
    {
    }
}
