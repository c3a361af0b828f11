using Terminal.Gui.App;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiProcManager.Tui.Models;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// A teacher's class view (<c>tuiproc class</c>): a line saying what is shown, the table, the keys. Enter picks
/// the selected session (the host then shows it, read-only, and comes back here), and so does a double click on
/// its row; q or Ctrl+C leaves.
/// </summary>
internal sealed class ClassWindow : Runnable
{
    private readonly ClassTableView _table;
    private readonly TextLine _header;
    private readonly string _scope;
    private string? _problem;
    private readonly Func<DateTimeOffset> _now;
    private IReadOnlyList<ClassRow> _last = [];
    private bool _byStudent;

    public ClassWindow(string scope, Func<DateTimeOffset> now)
    {
        _now = now;
        Width = Dim.Fill();
        Height = Dim.Fill();
        _scope = scope;
        _header = new TextLine { X = 0, Y = 0, Width = Dim.Fill(), Height = 1 };
        _table = new ClassTableView { X = 0, Y = Pos.Bottom(_header), Width = Dim.Fill(), Height = Dim.Fill(1), CanFocus = true };
        HintLine hints = new() { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill() };
        Add(_header, _table, hints);
    }

    /// <summary>The session Enter picked; null when the view was left.</summary>
    public ClassRow? Picked { get; private set; }

    /// <summary>The table (for tests).</summary>
    internal ClassTableView Table => _table;

    /// <summary>Shows the rows now (any order: the view orders them).</summary>
    public void Show(IReadOnlyList<ClassRow> rows)
    {
        _last = rows;
        DateTimeOffset now = _now();
        _table.Show(ClassTable.Ordered(rows, now, _byStudent), now);
        ShowHeader();
    }

    /// <summary>Says a problem in the header (an attach that failed) until the next one.</summary>
    public void Say(string line)
    {
        _problem = line;
        ShowHeader();
    }

    private void ShowHeader()
    {
        int sessions = _last.Count(r => r.Problem is null);
        _header.Line = $" tuiproc class {_scope} │ {sessions} session{(sessions == 1 ? "" : "s")}, {_last.Count(r => r.Problem is null && r.Alive > 0)} with workers alive │ {(_byStudent ? "by student" : "stuck longest first")}"
            + (_problem is null ? "" : " │ " + _problem);
        _header.SetNeedsDrawIfChanged();
    }

    /// <summary>Takes the keys at the application level while this view is on top (as MainWindow does).</summary>
    public void HookKeys(IApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        _table.DoubleClicked += (_, _) => PickSelected(app);
        app.Keyboard.KeyDown += (_, key) =>
        {
            if (key.Handled || app.TopRunnableView != this)
            {
                return;
            }

            key.Handled = true;
            if (key == Key.CursorUp || key == Key.K)
            {
                _table.Move(-1);
            }
            else if (key == Key.CursorDown || key == Key.J)
            {
                _table.Move(+1);
            }
            else if (key == Key.PageUp)
            {
                _table.Move(-_table.PageRows);
            }
            else if (key == Key.PageDown)
            {
                _table.Move(+_table.PageRows);
            }
            else if (key == Key.Home)
            {
                _table.Move(int.MinValue / 2);
            }
            else if (key == Key.End)
            {
                _table.Move(int.MaxValue / 2);
            }
            else if (key == Key.Enter)
            {
                PickSelected(app);
            }
            else if (key == Key.S)
            {
                _byStudent = !_byStudent;
                Show(_last);
            }
            else if (key == Key.Q || key == Key.C.WithCtrl)
            {
                app.RequestStop(this);
            }
            else
            {
                key.Handled = false;
            }
        };
    }

    /// <summary>Ends the view with the selected session picked, unless it is a row that says a problem.</summary>
    private void PickSelected(IApplication app)
    {
        if (_table.SelectedRow is { Problem: null } row)
        {
            Picked = row;
            app.RequestStop(this);
        }
    }

    /// <summary>The keys, on the last row.</summary>
    private sealed class HintLine : Drawing.CanvasView
    {
        protected override void Render(Drawing.CellCanvas canvas) =>
            _ = canvas.Write(0, 0, "↑↓ select  Enter watch (Esc comes back)  s sort: stuck longest / by student  q quit", GetAttributeForRole(Terminal.Gui.Drawing.VisualRole.Normal));
    }

    /// <summary>One line of text.</summary>
    private sealed class TextLine : Drawing.CanvasView
    {
        public string Line { get; set; } = "";

        protected override void Render(Drawing.CellCanvas canvas) =>
            _ = canvas.Write(0, 0, Line, GetAttributeForRole(Terminal.Gui.Drawing.VisualRole.Highlight));
    }
}
