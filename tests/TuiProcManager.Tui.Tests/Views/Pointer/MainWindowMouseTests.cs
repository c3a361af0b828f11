using System.Drawing;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Hosting;
using TuiProcManager.Tui.Tests.TestSupport;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Tests.Views.Pointer;

/// <summary>
/// The mouse on the main window, as Terminal.Gui 2.5.0 hands it on from the terminal (a press, its release,
/// the click it makes of them; presses with PositionReport while the button is held and moved). Pins: the
/// process table, drawn by hand, took no mouse at all; the borders could not be moved.
/// </summary>
[Collection(GlobalUiState.Name)]
public sealed class MainWindowMouseTests
{
    private readonly EventBuilder _e = new();

    private static void Click(Screen s, int col, int row)
    {
        s.App.InjectSequence(InputInjectionExtensions.LeftButtonClick(new Point(col, row)));
        s.App.LayoutAndDraw();
    }

    private static void Mouse(Screen s, MouseFlags flags, int col, int row)
    {
        s.App.InjectMouse(new Mouse { Flags = flags, ScreenPosition = new Point(col, row) });
        s.App.LayoutAndDraw();
    }

    private void ThreeWorkers(Screen s) => s.Feed(_e.Spawned(1), _e.Spawned(2, WorkerSpec.Cube("3")), _e.Spawned(3, WorkerSpec.Square("7")));

    [Fact]
    public void ClickOnARow_SelectsThatWorker_AndTheOutputPanelFollowsIt()
    {
        using Screen s = new(80, 24);
        ThreeWorkers(s);
        Assert.Equal(new WorkerId(1), s.Main.Selected);

        (int row, int col) = s.Find("cube 3");
        Click(s, col, row);

        Assert.Equal(new WorkerId(2), s.Main.Selected);
        Assert.Contains("Output · 2 cube 3", s.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ClickOnAChildRow_SelectsTheChildRow_AsTheArrowsWould()
    {
        using Screen s = new(100, 30);
        s.Feed(_e.Spawned(1, WorkerSpec.Command(["python3", "lesson.py"])), _e.Sample(1, 0, 1, EventBuilder.Child(2001, 1001, 99.0), EventBuilder.Child(2002, 1001, 98.0)),
            _e.Spawned(2, WorkerSpec.Cube("3")));
        (int child, int col) = s.Find("2002");
        string before = s.Lines[child];

        Click(s, col, child);

        Assert.Equal(new WorkerId(1), s.Main.Selected); // a child's row stands for its worker
        Assert.NotEqual(s.AttributeAt(child - 1, col), s.AttributeAt(child, col)); // the bar is on the child's row, not the one above
        s.Press(Key.CursorDown);
        Assert.Equal(new WorkerId(2), s.Main.Selected); // and Down goes on from there, to the next worker
        Assert.Equal(before, s.Lines[child]);
    }

    [Fact]
    public void Wheel_OverTheProcessTable_MovesTheSelectionARowPerNotch()
    {
        using Screen s = new(80, 24);
        ThreeWorkers(s);
        (int row, int col) = s.Find("square 10");

        Mouse(s, MouseFlags.WheeledDown, col, row);
        Assert.Equal(new WorkerId(2), s.Main.Selected);
        Mouse(s, MouseFlags.WheeledDown, col, row);
        Mouse(s, MouseFlags.WheeledDown, col, row);
        Assert.Equal(new WorkerId(3), s.Main.Selected); // the last row stays the last
        Mouse(s, MouseFlags.WheeledUp, col, row);
        Assert.Equal(new WorkerId(2), s.Main.Selected);
    }

    [Fact]
    public void Wheel_OverTheOutput_ScrollsBack_StopsFollowingTheTail_AndFollowsAgainAtTheBottom()
    {
        using Screen s = new(80, 24);
        s.Feed(_e.Spawned(1));
        s.Feed([.. Enumerable.Range(1, 40).Select(i => _e.Line(1, $"line {i}"))]);
        Assert.Contains("line 40", s.Text, StringComparison.Ordinal);
        (int row, int col) = s.Find("line 40");

        Mouse(s, MouseFlags.WheeledUp, col, row);
        Mouse(s, MouseFlags.WheeledUp, col, row);
        Assert.DoesNotContain("line 40", s.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("line 35", s.Text, StringComparison.Ordinal); // 2 notches, 3 lines each: 35 to 40 gone
        Assert.Contains("line 34", s.Text, StringComparison.Ordinal);

        s.Feed(_e.Line(1, "line 41"));
        Assert.DoesNotContain("line 41", s.Text, StringComparison.Ordinal); // scrolled back: the tail is not followed

        Mouse(s, MouseFlags.WheeledDown, col, row);
        Mouse(s, MouseFlags.WheeledDown, col, row);
        Mouse(s, MouseFlags.WheeledDown, col, row);
        Assert.Contains("line 41", s.Text, StringComparison.Ordinal);
        s.Feed(_e.Line(1, "line 42"));
        Assert.Contains("line 42", s.Text, StringComparison.Ordinal); // at the bottom again: followed
    }

    [Fact]
    public void Press_OnAPanel_GivesItTheKeyboard()
    {
        using Screen s = new(80, 24);
        s.Feed(_e.Spawned(1), _e.Spawned(2));
        s.Feed([.. Enumerable.Range(1, 40).Select(i => _e.Line(1, $"line {i}"))]);
        (int row, int col) = s.Find("line 40");

        Click(s, col, row);
        s.Press(Key.PageUp); // the output's PgUp now, not the table's
        Assert.Equal(new WorkerId(1), s.Main.Selected);
        Assert.DoesNotContain("line 40", s.Text, StringComparison.Ordinal);

        (int border, int left) = s.Find("┤Processes├");
        Click(s, left + 3, border); // on its border: the table has the keys again
        s.Press(Key.CursorDown);
        Assert.Equal(new WorkerId(2), s.Main.Selected);
    }

    [Fact]
    public void DraggingTheBorderBelowProcesses_ChangesItsHeight_WithinTheMinimums()
    {
        using Screen s = new(80, 24);
        ThreeWorkers(s);
        int states = s.Find("┤States├").Row, output = s.Find("┤Output").Row;
        int bottom = states - 1; // the Processes panel's bottom border, right above the States panel's top

        Mouse(s, MouseFlags.LeftButtonPressed, 20, bottom);
        Mouse(s, MouseFlags.LeftButtonPressed | MouseFlags.PositionReport, 20, bottom + 3);
        Mouse(s, MouseFlags.LeftButtonReleased, 20, bottom + 3);
        Assert.Equal(states + 3, s.Find("┤States├").Row);
        Assert.Equal(output + 3, s.Find("┤Output").Row); // the middle row keeps its height; Output gives up the rows

        Mouse(s, MouseFlags.LeftButtonPressed, 20, states + 3); // the States panel's top border moves the same line
        Mouse(s, MouseFlags.LeftButtonPressed | MouseFlags.PositionReport, 20, 0);
        Mouse(s, MouseFlags.LeftButtonReleased, 20, 0);
        Assert.Equal(1 + 5, s.Find("┤States├").Row); // the header, then Processes at its fewest rows (5)

        Mouse(s, MouseFlags.LeftButtonPressed | MouseFlags.PositionReport, 20, 12); // released: moving on moves nothing
        Assert.Equal(1 + 5, s.Find("┤States├").Row);
    }

    [Fact]
    public void DraggingTheOutputsTopBorder_ChangesTheMiddleRow_AndLeavesOutputItsMinimum()
    {
        using Screen s = new(80, 24);
        ThreeWorkers(s);
        int output = s.Find("┤Output").Row;

        Mouse(s, MouseFlags.LeftButtonPressed, 40, output);
        Mouse(s, MouseFlags.LeftButtonPressed | MouseFlags.PositionReport, 40, output - 2);
        Mouse(s, MouseFlags.LeftButtonReleased, 40, output - 2);
        Assert.Equal(output - 2, s.Find("┤Output").Row);

        Mouse(s, MouseFlags.LeftButtonPressed, 40, output - 2);
        Mouse(s, MouseFlags.LeftButtonPressed | MouseFlags.PositionReport, 40, 23);
        Mouse(s, MouseFlags.LeftButtonReleased, 40, 23);
        Assert.Equal(23 - 3, s.Find("┤Output").Row); // three rows above the key bar: its borders and one line

        s.Resize(100, 40); // the middle row keeps its share of the screen
        Assert.Equal(40 - 1 - 3 - 2, s.Find("┤Output").Row, tolerance: 1);
    }

    [Fact]
    public void DraggingTheBorderBetweenStatesAndCpu_ChangesTheirWidths()
    {
        using Screen s = new(80, 24);
        ThreeWorkers(s);
        (int row, int cpu) = s.Find("┤CPU├");
        int line = cpu - 2; // the CPU panel's left border, beside the States panel's right one

        Mouse(s, MouseFlags.LeftButtonPressed, line, row + 2);
        Mouse(s, MouseFlags.LeftButtonPressed | MouseFlags.PositionReport, line - 10, row + 2);
        Mouse(s, MouseFlags.LeftButtonReleased, line - 10, row + 2);

        Assert.Equal(cpu - 10, s.Find("┤CPU├").Col);
    }

    [Fact]
    public void MouseLeftToTheTerminal_AClickDoesNothing()
    {
        using Screen s = new(80, 24);
        ThreeWorkers(s);
        TerminalMouse.LeaveToTheTerminal(s.App);

        (int row, int col) = s.Find("cube 3");
        Click(s, col, row);

        Assert.Equal(new WorkerId(1), s.Main.Selected);
    }

    [Theory]
    [InlineData(false, null, true)]
    [InlineData(false, true, true)]
    [InlineData(false, false, false)]
    [InlineData(true, null, false)]
    [InlineData(true, true, false)]
    public void Wanted_UnlessNoMouseOrTheSettingSaysFalse(bool noMouse, bool? setting, bool wanted) =>
        Assert.Equal(wanted, TerminalMouse.Wanted(noMouse, new UserSettings("x") { Mouse = setting }));
}
