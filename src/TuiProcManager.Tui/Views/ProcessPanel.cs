using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The Processes panel: one row per worker, its descendants indented beneath; the selected row drives the
/// other panels. States are coloured by role and also written as words.
/// </summary>
internal sealed class ProcessPanel : FrameView
{
    private readonly ProcessTableModel _model;
    private readonly StateGlyphs _glyphs;
    private readonly Func<DateTimeOffset> _now;
    private readonly TableView _table;

    public ProcessPanel(ProcessTableModel model, StateGlyphs glyphs, Func<DateTimeOffset> now)
    {
        _model = model;
        _glyphs = glyphs;
        _now = now;
        Title = "Processes";
        CanFocus = true;
        _table = new TableView
        {
            X = 0,
            Y = 0,
            Width = Dim.Fill(),
            Height = Dim.Fill(),
            FullRowSelect = true,
            MultiSelect = false,
            CollectionNavigator = null, // else letters are taken for type-to-search and never reach our keys
        };
        _table.Style.ShowHorizontalHeaderOverline = false;
        _table.Style.ShowHorizontalBottomLine = false;
        _table.Style.ShowVerticalCellLineForFirstColumn = false;
        _table.Style.ShowVerticalCellLineForLastColumn = false;
        _table.Style.AlwaysShowHeaders = true;
        _table.Style.ExpandLastColumn = true;
        _table.Style.GetOrCreateColumnStyle(2).Alignment = Alignment.End;
        _table.Style.GetOrCreateColumnStyle(4).Alignment = Alignment.End;
        _table.Style.GetOrCreateColumnStyle(5).Alignment = Alignment.End;
        _table.Style.GetOrCreateColumnStyle(6).Alignment = Alignment.End;
        _table.Style.GetOrCreateColumnStyle(1).MaxWidth = 28;
        _table.Style.GetOrCreateColumnStyle(ProcessTableSource.StateColumn).ColorGetter = args => StateScheme(args.RowIndex);
        _table.ValueChanged += (_, _) => SelectionChanged?.Invoke(this, EventArgs.Empty);
        Add(_table);
        Refresh();
    }

    /// <summary>Raised when the user moves to another row.</summary>
    public event EventHandler? SelectionChanged;

    /// <summary>The worker of the selected row (a descendant's row selects its worker).</summary>
    public WorkerId? Selected
    {
        get
        {
            int? row = _table.Value?.SelectedCell.Y;
            IReadOnlyList<ProcessLine> lines = _model.Lines;
            return row is { } r && r >= 0 && r < lines.Count ? lines[r].Worker.Id : null;
        }
    }

    /// <summary>Rebuilds the rows from the model, keeping the selected worker selected.</summary>
    public void Refresh()
    {
        WorkerId? selected = Selected;
        int rowOffset = _table.RowOffset;
        IReadOnlyList<ProcessLine> lines = _model.Lines;
        _table.Table = new ProcessTableSource(lines, _now(), _glyphs);

        // Assigning Table resets the selection; put it back on the same worker (or the first row).
        if (lines.Count > 0)
        {
            int row = selected is { } id ? Math.Max(0, lines.ToList().FindIndex(l => l.Worker.Id == id && l.Descendant is null)) : 0;
            _table.RowOffset = Math.Min(rowOffset, Math.Max(0, lines.Count - 1));
            _table.SetSelection(0, row, false);
        }

        _table.Update();
    }

    /// <summary>Selects a worker's row.</summary>
    public void Select(WorkerId id)
    {
        int row = _model.Lines.ToList().FindIndex(l => l.Worker.Id == id && l.Descendant is null);
        if (row >= 0)
        {
            _table.SetSelection(0, row, false);
            _table.EnsureCursorIsVisible();
        }
    }

    /// <summary>Gives the table the keyboard.</summary>
    public void FocusTable() => _table.SetFocus();

    private Scheme? StateScheme(int row)
    {
        IReadOnlyList<ProcessLine> lines = _model.Lines;
        if (row < 0 || row >= lines.Count)
        {
            return null;
        }

        ProcessLine line = lines[row];
        string role = line.Descendant is { } d ? Roles.For(d.State) : Roles.For(line.Worker.State, line.Worker.Exit);
        return Roles.Scheme(role, this);
    }
}
