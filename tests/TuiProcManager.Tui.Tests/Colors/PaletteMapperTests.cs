using Terminal.Gui.Drawing;
using TuiProcManager.Tui.Colors;

namespace TuiProcManager.Tui.Tests.Colors;

/// <summary>
/// The 256- and 16-colour mappings. Pins: Terminal.Gui 2.5.0's own 16-colour mapping put a theme's dark blue
/// ("waiting") on black, 2.2:1 on xterm's palette, barely readable.
/// </summary>
public sealed class PaletteMapperTests
{
    [Theory]
    [InlineData(0x00, 0x00, 0x00, 16)] // the cube's black, not the user's colour 0
    [InlineData(0xff, 0xff, 0xff, 231)]
    [InlineData(0xff, 0x00, 0x00, 196)]
    [InlineData(0x5f, 0x87, 0xaf, 67)] // exactly a cube colour
    [InlineData(0x08, 0x08, 0x08, 232)] // exactly a grey
    [InlineData(0xee, 0xee, 0xee, 255)]
    [InlineData(0x1c, 0x1f, 0x26, 234)] // Tuiproc Dark's background: a near-black grey, not the cube's black
    [InlineData(0x60, 0x86, 0xb0, 67)] // near a cube colour
    public void Nearest256_IsTheLookalikeAmongTheFixedColours(int r, int g, int b, int index) =>
        Assert.Equal(index, Palette256Mapper.Nearest(new Color(r, g, b)));

    [Fact]
    public void Nearest256_NeverChoosesTheUsersPalette()
    {
        Random random = new(256);
        for (int i = 0; i < 5000; i++)
        {
            Assert.InRange(Palette256Mapper.Nearest(new Color(random.Next(256), random.Next(256), random.Next(256))), 16, 255);
        }
    }

    [Fact]
    public void XtermPalette_TheCubeAndTheGreys()
    {
        Assert.Equal(new Color(0x5f, 0x87, 0xaf), XtermPalette.Indexed(67));
        Assert.Equal(new Color(0xee, 0xee, 0xee), XtermPalette.Indexed(255));
        Assert.Equal(new Color(0x5c, 0x5c, 0xff), XtermPalette.Indexed(12));
    }

    [Theory]
    [InlineData(0x000000, 0xffffff, 21.0)]
    [InlineData(0x0000ee, 0x000000, 2.2)] // xterm's blue on black
    [InlineData(0x7f7f7f, 0x000000, 5.2)]
    public void Wcag_Contrast_KnownPairs(int a, int b, double ratio) =>
        Assert.Equal(ratio, Wcag.Contrast(Rgb(a), Rgb(b)), 1);

    [Theory]
    [InlineData(0x3b4cc0, 0x1c1f26)] // dark blue on near-black: blue2 would be 2.2:1
    [InlineData(0xb91c1c, 0x000000)] // dark red on black: red3 would be 3.6:1
    [InlineData(0x15803d, 0xffffff)] // green on white: green3 would be 2.2:1
    [InlineData(0xa16207, 0xf8fafc)] // amber on a light background
    [InlineData(0x6b7280, 0x1c1f26)] // a dim grey (Disabled) stays readable
    public void Map16_EveryForegroundIsReadableOnItsBackground(int fg, int bg)
    {
        (int f, int b) = Palette16Mapper.Map(Rgb(fg), Rgb(bg));

        Assert.True(Wcag.Contrast(XtermPalette.Sixteen[f], XtermPalette.Sixteen[b]) >= Wcag.ReadableContrast, $"{f} on {b}");
    }

    [Theory]
    [InlineData(0xef4444, 0x1c1f26, 9)] // red on dark: bright red
    [InlineData(0x22c55e, 0x1c1f26, 2)] // green on dark: green3 (9.7:1), its hue kept
    [InlineData(0x60a5fa, 0x1c1f26, 6)] // light blue on dark: cyan3, a colour still, never blue2 (2.2:1) nor grey
    [InlineData(0x6b7280, 0x1c1f26, 8)] // a dim grey stays a grey: gray50 (5.2:1)
    [InlineData(0xffffff, 0x1c1f26, 15)] // a light foreground stays light
    [InlineData(0x1e293b, 0xf8fafc, 0)] // dark text on a light background: black
    public void Map16_KeepsTheHueItCan(int fg, int bg, int expected) =>
        Assert.Equal(expected, Palette16Mapper.Map(Rgb(fg), Rgb(bg)).Foreground);

    [Fact]
    public void Map16_EveryPairOfAGrid_IsReadable()
    {
        int[] levels = [0x00, 0x33, 0x66, 0x99, 0xcc, 0xff];
        foreach (int fg in Grid(levels))
        {
            foreach (int bg in Grid(levels))
            {
                (int f, int b) = Palette16Mapper.Map(Rgb(fg), Rgb(bg));
                Assert.True(Wcag.Contrast(XtermPalette.Sixteen[f], XtermPalette.Sixteen[b]) >= Wcag.ReadableContrast, $"#{fg:x6} on #{bg:x6}: {f} on {b}");
            }
        }
    }

    private static IEnumerable<int> Grid(int[] levels) =>
        from r in levels from g in levels from b in levels select (r << 16) | (g << 8) | b;

    private static Color Rgb(int rgb) => new((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff);
}
