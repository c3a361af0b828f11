using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Drawing;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The Processes panel: one row per worker, its descendants indented beneath; the selected row drives the
/// other panels. States are coloured by role and also written as words (see <see cref="ProcessTableView"/>).
/// </summary>
internal sealed class ProcessPanel : PanelView
{
    private readonly ProcessTableModel _model;
    private readonly StateGlyphs _glyphs;
    private readonly Func<DateTimeOffset> _now;
    private readonly ProcessTableView _table;

    public ProcessPanel(ProcessTableModel model, StateGlyphs glyphs, Func<DateTimeOffset> now)
        : base(glyphs)
    {
        _model = model;
        _glyphs = glyphs;
        _now = now;
        Title = "Processes";
        CanFocus = true;
        _table = new ProcessTableView(glyphs);
        _table.SelectionMoved += (_, _) => SelectionChanged?.Invoke(this, EventArgs.Empty);
        SetContent(_table);
        Refresh();
    }

    /// <summary>Raised when the user moves to another row.</summary>
    public event EventHandler? SelectionChanged;

    /// <summary>The worker of the selected row (a descendant's row selects its worker).</summary>
    public WorkerId? Selected
    {
        get
        {
            int row = _table.SelectedRow;
            IReadOnlyList<ProcessLine> lines = _table.Lines;
            return row >= 0 && row < lines.Count ? lines[row].Worker.Id : null;
        }
    }

    /// <summary>Rebuilds the rows from the model, keeping the selected worker selected.</summary>
    public void Refresh()
    {
        WorkerId? selected = Selected;
        IReadOnlyList<ProcessLine> lines = _model.Lines;
        int row = selected is { } id ? Math.Max(0, IndexOf(lines, id)) : 0;
        _table.Show(new ProcessTableSource(lines, _now(), _glyphs), row);
    }

    /// <summary>Selects a worker's row.</summary>
    public void Select(WorkerId id)
    {
        int row = IndexOf(_table.Lines, id);
        if (row >= 0)
        {
            _table.SelectRow(row);
        }
    }

    /// <summary>Gives the table the keyboard.</summary>
    public void FocusTable() => _table.SetFocus();

    private static int IndexOf(IReadOnlyList<ProcessLine> lines, WorkerId id)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Worker.Id == id && lines[i].Descendant is null)
            {
                return i;
            }
        }

        return -1;
    }
}
