using Terminal.Gui.Configuration;
using Terminal.Gui.Drawing;
using TuiProcManager.Tui.Colors;
using TuiProcManager.Tui.Tests.TestSupport;
using TuiProcManager.Tui.Theming;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TuiProcManager.Tui.Tests.Colors;

/// <summary>
/// Every shipped theme stays readable in 16 colours: for every role, and Base and Dialog, Normal and Focus,
/// the 16-colour mapping of the foreground on the background reaches 4.5:1 (WCAG 2 AA) on xterm's default
/// palette, bold text (where bold is sent) in both of the colours a terminal may show it in (bold black is
/// gray50 in xterm). Themes are loaded as the app loads them (the built-in files), so a theme added to themes/ joins.
/// </summary>
[Collection(GlobalUiState.Name)]
public sealed class ThemeContrastTests : IDisposable
{
    public void Dispose() => ThemeConfiguration.Reset();

    [Fact]
    public void EveryShippedTheme_EveryRole_IsReadableIn16Colours()
    {
        ThemeCatalog catalog = ThemeCatalog.Load(BuiltIn.Themes, null);
        Assert.Empty(catalog.Problems);
        Assert.True(catalog.Names.Count >= 4, string.Join(", ", catalog.Names));
        List<string> unreadable = [];
        int checkedPairs = 0;
        foreach (string theme in catalog.Names)
        {
            Assert.True(catalog.Apply(theme));
            foreach (string role in Roles.All.Append("Base").Append("Dialog"))
            {
                Scheme scheme = SchemeManager.GetScheme(role);
                foreach (VisualRole visual in (VisualRole[])[VisualRole.Normal, VisualRole.Focus])
                {
                    Attribute attribute = scheme.GetAttributeForRole(visual);
                    if (attribute.Foreground == Color.None || attribute.Background == Color.None)
                    {
                        continue; // the terminal's own colours (Tuiproc Mono): nothing is mapped
                    }

                    checkedPairs++;
                    (int f, int b) = Palette16Mapper.Map(attribute.Foreground, attribute.Background);
                    bool bold = attribute.Style.HasFlag(TextStyle.Bold) && !Palette16Mapper.BoldUnreadable(f, b); // as the output sends it
                    double contrast = Palette16Mapper.Contrast(f, XtermPalette.Sixteen[b], bold);
                    if (contrast < Wcag.ReadableContrast)
                    {
                        unreadable.Add($"{theme} {role}.{visual}: {attribute} → {f} on {b}, {contrast:0.00}:1");
                    }
                }
            }
        }

        Assert.True(checkedPairs >= 3 * 12 * 2, $"{checkedPairs} pairs checked");
        Assert.Empty(unreadable);
    }
}
