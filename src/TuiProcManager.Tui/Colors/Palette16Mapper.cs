using Terminal.Gui.Drawing;

namespace TuiProcManager.Tui.Colors;

/// <summary>
/// Maps a 24-bit foreground and background onto the 16 basic colours so that the text stays readable:
/// checked against xterm's default palette (<see cref="XtermPalette.Sixteen"/>).
/// </summary>
/// <remarks>
/// <para>
/// The background becomes its nearest colour (CIELAB). The foreground becomes, among the colours with a
/// WCAG 2 contrast of at least <see cref="Wcag.ReadableContrast"/> against that background, the one
/// nearest in look with lightness counted half (<see cref="LabColor.DistanceSquared"/>): a colour that must
/// lighten or darken to be read keeps its hue where it can. When no colour reaches the contrast (there is
/// always one: black or white reach 4.58:1 on any colour), the one with the most contrast.
/// </para>
/// <para>
/// Every pair is treated alike, an intentionally dim one (a Disabled role, drawn Faint) too: its colour
/// stays readable, and the dimness is carried by its nearer grey and by the Faint style, which is passed on.
/// Terminal.Gui's own mapping (GetAnsiColorCode, the nearest of its 16) gave dark blue on black, 2.2:1.
/// </para>
/// </remarks>
internal static class Palette16Mapper
{
    private static readonly LabColor[] Basic = [.. XtermPalette.Sixteen.Select(LabColor.From)];

    /// <summary>The palette indexes (0–15) for the pair. Pure; the caller caches.</summary>
    public static (int Foreground, int Background) Map(Color foreground, Color background)
    {
        int bg = NearestBackground(background);
        return (ReadableForeground(foreground, XtermPalette.Sixteen[bg]), bg);
    }

    /// <summary>The nearest of the 16 colours, for a background (or a foreground on the terminal's own, unknown background).</summary>
    public static int NearestBackground(Color background)
    {
        LabColor lab = LabColor.From(background);
        int best = 0;
        for (int i = 1; i < Basic.Length; i++)
        {
            if (lab.DistanceSquared(Basic[i]) < lab.DistanceSquared(Basic[best]))
            {
                best = i;
            }
        }

        return best;
    }

    /// <summary>The readable foreground nearest in look to <paramref name="foreground"/> on <paramref name="background"/>.</summary>
    public static int ReadableForeground(Color foreground, Color background)
    {
        LabColor lab = LabColor.From(foreground);
        int best = -1, mostContrast = 0;
        for (int i = 0; i < Basic.Length; i++)
        {
            double contrast = Wcag.Contrast(XtermPalette.Sixteen[i], background);
            if (contrast > Wcag.Contrast(XtermPalette.Sixteen[mostContrast], background))
            {
                mostContrast = i;
            }

            if (contrast >= Wcag.ReadableContrast
                && (best < 0 || lab.DistanceSquared(Basic[i], lightnessWeight: 2) < lab.DistanceSquared(Basic[best], lightnessWeight: 2)))
            {
                best = i;
            }
        }

        return best >= 0 ? best : mostContrast;
    }
}
