using Terminal.Gui.Configuration;
using Terminal.Gui.Drawing;
using TuiProcManager.Tui.Colors;
using TuiProcManager.Tui.Tests.TestSupport;
using TuiProcManager.Tui.Theming;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TuiProcManager.Tui.Tests.Theming;

/// <summary>
/// Every shipped theme, as 24-bit colour draws it: each worker state's text is readable against its own
/// background (WCAG 2 contrast ratio at least 4.5:1, level AA for normal text), as are the body text and the
/// hints, and the eight states look different from each other. Solarized, Nord and Gruvbox's published comment
/// and accent tones fall short of 4.5:1 on their own backgrounds; this pins the choices their files make instead.
/// The 16-colour rendering has a test of its own (the 16-colour mapping decides it, not the theme file).
/// </summary>
[Collection(GlobalUiState.Name)]
public sealed class ThemeTrueColourContrastTests : IDisposable
{
    /// <summary>WCAG 2's level AA minimum for normal-size text, as the 16-colour mapping holds to it.</summary>
    private const double MinimumContrast = Wcag.ReadableContrast;

    private static readonly string[] States = [Roles.Starting, Roles.Running, Roles.Waiting, Roles.Paused, Roles.Queued, Roles.Ended, Roles.Failed, Roles.Stderr];

    public void Dispose() => ThemeConfiguration.Reset();

    [Fact]
    public void EveryShippedTheme_StatesBodyAndHints_ReachFourAndAHalfToOne()
    {
        ThemeCatalog catalog = Load();
        List<string> failures = [];
        int checkedPairs = 0;
        foreach (string theme in catalog.Names)
        {
            Assert.True(catalog.Apply(theme));
            IEnumerable<(string Role, VisualRole Visual)> pairs = States.SelectMany(s => new[] { (s, VisualRole.Normal), (s, VisualRole.Focus) })
                .Append(("Base", VisualRole.Normal)).Append(("Base", VisualRole.Focus)).Append((Roles.Hint, VisualRole.Normal));
            foreach ((string role, VisualRole visual) in pairs)
            {
                Attribute a = SchemeManager.GetScheme(role).GetAttributeForRole(visual);
                if (a.Foreground == Color.None || a.Background == Color.None)
                {
                    continue; // the terminal's own colours (Tuiproc Mono): nothing of ours to measure
                }

                checkedPairs++;
                double ratio = Wcag.Contrast(a.Foreground, a.Background);
                if (ratio < MinimumContrast)
                {
                    failures.Add($"{theme} {role} {visual}: {a.Foreground} on {a.Background} is {ratio:0.00}:1");
                }
            }
        }

        Assert.True(checkedPairs >= 9 * 19, $"only {checkedPairs} colour pairs measured"); // every theme but Mono, all 19 pairs
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    [Fact]
    public void EveryShippedTheme_TheEightStates_LookDifferentFromEachOther()
    {
        ThemeCatalog catalog = Load();
        foreach (string theme in catalog.Names)
        {
            catalog.Apply(theme);
            foreach (VisualRole visual in new[] { VisualRole.Normal, VisualRole.Focus })
            {
                List<(string Role, Attribute Look)> looks = [.. States.Select(s => (s, SchemeManager.GetScheme(s).GetAttributeForRole(visual)))];
                foreach ((string role, Attribute look) in looks)
                {
                    string? twin = looks.FirstOrDefault(o => o.Role != role && o.Look == look).Role;
                    Assert.True(twin is null, $"{theme} {visual}: {role} and {twin} look alike ({look})");
                }
            }
        }
    }

    [Theory]
    [InlineData("#000000", "#ffffff", 21.0)]
    [InlineData("#ffffff", "#ffffff", 1.0)]
    [InlineData("#777777", "#ffffff", 4.48)] // the grey just short of AA, as WebAIM's checker reports it
    [InlineData("#002b36", "#859900", 4.69)] // Solarized base03 and green
    public void ContrastRatio_IsWcagTwos(string a, string b, double expected) =>
        Assert.Equal(expected, Wcag.Contrast(Color.Parse(a, null), Color.Parse(b, null)), 2);

    /// <summary>tuiproc's themes as the app loads them: built in, nothing beside the app, no user themes.</summary>
    private static ThemeCatalog Load()
    {
        ThemeCatalog catalog = ThemeCatalog.Load(BuiltIn.Themes, null);
        Assert.Empty(catalog.Problems);
        Assert.True(catalog.Names.Count >= 10, string.Join(", ", catalog.Names));
        return catalog;
    }
}
