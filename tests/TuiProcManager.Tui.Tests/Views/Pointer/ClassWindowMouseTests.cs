using System.Drawing;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Tests.TestSupport;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views;

namespace TuiProcManager.Tui.Tests.Views.Pointer;

/// <summary>The class view's table takes the mouse as its keys: a press selects a row, a double click watches it (Enter), the wheel moves.</summary>
[Collection(GlobalUiState.Name)]
public sealed class ClassWindowMouseTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static ClassRow Row(string student) => new("", student, "s", null, 0, 0, "", null, 0, 0, 1, 1, 0, "", null);

    [Fact]
    public void PressSelects_DoubleClickPicks_WheelMoves()
    {
        ThemeCatalog.Load(BuiltIn.Themes, null).Apply(ThemeCatalog.DefaultTheme);
        using IApplication app = Application.Create(new VirtualTimeProvider());
        app.Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(100, 12);
        using ClassWindow window = new("here", () => Now);
        window.HookKeys(app);
        SessionToken? token = app.Begin(window);
        window.Show([Row("ann"), Row("bob"), Row("cid")]);
        app.LayoutAndDraw();
        string[] lines = app.Driver.ToString()!.Split('\n');
        int bob = Array.FindIndex(lines, l => l.Contains("bob", StringComparison.Ordinal));

        app.InjectMouse(new Mouse { Flags = MouseFlags.LeftButtonPressed, ScreenPosition = new Point(3, bob) });
        Assert.Equal("bob", window.Table.SelectedRow?.Student);
        app.InjectMouse(new Mouse { Flags = MouseFlags.WheeledDown, ScreenPosition = new Point(3, bob) });
        Assert.Equal("cid", window.Table.SelectedRow?.Student);
        app.InjectMouse(new Mouse { Flags = MouseFlags.WheeledUp, ScreenPosition = new Point(3, bob) });
        Assert.Null(window.Picked);

        app.InjectSequence(InputInjectionExtensions.LeftButtonDoubleClick(new Point(3, bob)));
        Assert.Equal("bob", window.Picked?.Student);
        app.End(token!);
    }
}
