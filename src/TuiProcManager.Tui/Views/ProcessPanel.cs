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

    /// <summary>
    /// Rebuilds the rows from the model, keeping the selected line selected: a worker's row, or one of its
    /// descendants' (so that Down moves on past a worker with children, which every refresh would otherwise
    /// pull back to the worker's row); the worker's row once that descendant has gone.
    /// </summary>
    public void Refresh()
    {
        int selectedRow = _table.SelectedRow;
        IReadOnlyList<ProcessLine> before = _table.Lines;
        IReadOnlyList<ProcessLine> lines = _model.Lines;
        int row = 0;
        if (selectedRow >= 0 && selectedRow < before.Count)
        {
            ProcessLine was = before[selectedRow];
            row = was.Descendant is { } d ? IndexOf(lines, was.Worker.Id, d.Pid) : -1;
            row = row >= 0 ? row : Math.Max(0, IndexOf(lines, was.Worker.Id));
        }

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

    /// <summary>The row of <paramref name="id"/>'s own line, or of its descendant <paramref name="pid"/>; -1 when there is none.</summary>
    private static int IndexOf(IReadOnlyList<ProcessLine> lines, WorkerId id, int? pid = null)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            if (lines[i].Worker.Id == id && lines[i].Descendant?.Pid == pid)
            {
                return i;
            }
        }

        return -1;
    }
}
