using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Time;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiProcManager.Tui.Tests.TestSupport;
using TuiProcManager.Tui.Views.Drawing;

namespace TuiProcManager.Tui.Tests.Views;

/// <summary>Incremental drawing: only changed cells are written, and never when the screen no longer shows the last drawing.</summary>
[Collection(GlobalUiState.Name)]
public sealed class CanvasViewTests : IDisposable
{
    private readonly IApplication _app;
    private readonly Runnable _top = new() { Width = Dim.Fill(), Height = Dim.Fill() };
    private readonly Lines _view = new() { X = 2, Y = 1, Width = 20, Height = 3 };
    private readonly SessionToken? _session;

    public CanvasViewTests()
    {
        _app = Application.Create(new VirtualTimeProvider());
        _app.Init(DriverRegistry.Names.ANSI);
        _app.Driver!.SetScreenSize(30, 6);
        _top.Add(_view);
        _view.Text = ["uptime 0:01", "idle", "日本 wide"];
        _session = _app.Begin(_top);
        _app.LayoutAndDraw();
    }

    [Fact]
    public void FirstDraw_WritesEveryCell_AndShowsTheText()
    {
        string[] rows = Rows();
        Assert.Equal("  uptime 0:01", rows[1].TrimEnd());
        Assert.Equal("  idle", rows[2].TrimEnd());
        Assert.StartsWith("  日本 wide", rows[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Redraw_AfterOneCharacterChanged_WritesOnlyThatCell()
    {
        _view.Text = ["uptime 0:02", "idle", "日本 wide"];

        _view.SetNeedsDraw();
        _app.LayoutAndDraw();

        Assert.Equal(1, _view.LastCellsWritten);
        Assert.Equal("  uptime 0:02", Rows()[1].TrimEnd());
    }

    [Fact]
    public void Redraw_NothingChanged_WritesNothing()
    {
        _view.SetNeedsDraw();
        _app.LayoutAndDraw();

        Assert.Equal(0, _view.LastCellsWritten);
    }

    [Fact]
    public void SetNeedsDrawIfChanged_SameRendering_LeavesTheViewClean_ADifferentOneMarksIt()
    {
        _view.SetNeedsDrawIfChanged();
        Assert.False(_view.NeedsDraw);

        _view.Text = ["uptime 0:02", "idle", "日本 wide"];
        _view.SetNeedsDrawIfChanged();
        Assert.True(_view.NeedsDraw);

        _app.LayoutAndDraw();
        Assert.Equal(1, _view.LastCellsWritten);
        Assert.Equal("  uptime 0:02", Rows()[1].TrimEnd());
    }

    [Fact]
    public void SetNeedsDrawIfChanged_SomethingDrewOverTheView_MarksItEvenIfItsRenderingIsTheSame()
    {
        _app.Driver!.Move(4, 2);
        _app.Driver.AddStr("XX");

        _view.SetNeedsDrawIfChanged();

        Assert.True(_view.NeedsDraw);
        _app.LayoutAndDraw();
        Assert.Equal("  idle", Rows()[2].TrimEnd());
    }

    [Fact]
    public void Redraw_AfterSomethingDrewOverTheView_WritesEverything()
    {
        // As a dialog or a cleared screen would: the driver no longer shows what the view drew.
        _app.Driver!.Move(4, 2);
        _app.Driver.AddStr("XX");

        _view.SetNeedsDraw();
        _app.LayoutAndDraw();

        Assert.Equal(20 * 3, _view.LastCellsWritten);
        Assert.Equal("  idle", Rows()[2].TrimEnd());
    }

    [Fact]
    public void Redraw_WideGraphemeReplacedByNarrowText_LeavesNoHalfGlyph()
    {
        _view.Text = ["uptime 0:01", "idle", "ab本 wide"];

        _view.SetNeedsDraw();
        _app.LayoutAndDraw();

        Assert.StartsWith("  ab本 wide", Rows()[3], StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (_session is not null)
        {
            _app.End(_session);
        }

        _top.Dispose();
        _app.Dispose();
    }

    private string[] Rows() => _app.Driver!.ToString()!.Split('\n');

    private sealed class Lines : CanvasView
    {
        public new IReadOnlyList<string> Text { get; set; } = [];

        protected override void Render(CellCanvas canvas)
        {
            for (int y = 0; y < Text.Count && y < canvas.Height; y++)
            {
                canvas.Write(0, y, Text[y], GetAttributeForRole(Terminal.Gui.Drawing.VisualRole.Normal));
            }
        }
    }
}
