using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using TuiProcManager.Tui.Tests.TestSupport;
using TuiProcManager.Tui.Theming;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TuiProcManager.Tui.Tests.Theming;

/// <summary>
/// Marks drawn on a panel (the CPU graph's blocks and bars) take a state's colour on the panel's own
/// background. Pins: Solarized Light draws states as coloured labels, and the CPU graph filled with the
/// Running label's attribute came out as a solid green block in the gallery.
/// </summary>
[Collection(GlobalUiState.Name)]
public sealed class RolesMarksTests : IDisposable
{
    public void Dispose() => ThemeConfiguration.Reset();

    [Fact]
    public void EveryShippedTheme_RunningMarks_AreOnThePanelsBackground_InAColourOfTheRole()
    {
        ThemeCatalog catalog = ThemeCatalog.Load(BuiltIn.Themes, null);
        Assert.Contains("Solarized Light", catalog.Names);
        using View panel = new();
        foreach (string theme in catalog.Names)
        {
            Assert.True(catalog.Apply(theme));
            Attribute running = Roles.Attribute(Roles.Running, panel), marks = Roles.Marks(Roles.Running, panel);
            Color background = panel.GetAttributeForRole(VisualRole.Normal).Background;

            Assert.Equal(background, marks.Background);
            Assert.Contains(marks.Foreground, new[] { running.Foreground, running.Background });
            Assert.True(marks.Foreground != background || theme == "Tuiproc Mono", $"{theme}: marks invisible on the panel");
        }
    }
}
