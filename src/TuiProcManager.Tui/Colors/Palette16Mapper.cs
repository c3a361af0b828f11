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
/// nearest in look with lightness counted half (<see cref="LabColor.DistanceSquared"/>), a coloured one
/// among the coloured and a grey one among the greys (black, gray50, gray90, white) when there is a readable
/// one of its kind: a colour that must lighten or darken to be read keeps its hue where it can. When no
/// colour reaches the contrast (there is always one: black or white reach 4.58:1 on any colour), the one
/// with the most contrast.
/// </para>
/// <para>
/// Bold text: xterm (its boldColors resource, on by default), the Linux console and others show bold text of
/// colours 0–7 in the bright variant 8–15, so bold black on gray50 (Tuiproc Dark's selected row) came out
/// gray50 on gray50, and on a light background no dark colour survives the change. So the colours are chosen
/// as for plain text, and bold is not sent where its bright variant would be unreadable
/// (<see cref="BoldUnreadable"/>; the output drops it): the text stays readable in every terminal, and bold
/// is lost only where it would have cost that.
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

    /// <summary>Whether text in palette colour <paramref name="foreground"/> on <paramref name="background"/> (indexes) becomes unreadable if a terminal shows it bold as its bright variant.</summary>
    public static bool BoldUnreadable(int foreground, int background) =>
        Contrast(foreground, XtermPalette.Sixteen[background], bold: true) < Wcag.ReadableContrast;

    /// <summary>
    /// The contrast of palette colour <paramref name="index"/> as text on <paramref name="background"/>: for bold
    /// text of colours 0–7, the lower of it and its bright variant's, either of which a terminal may show.
    /// </summary>
    public static double Contrast(int index, Color background, bool bold)
    {
        double contrast = Wcag.Contrast(XtermPalette.Sixteen[index], background);
        return bold && index < 8 ? Math.Min(contrast, Wcag.Contrast(XtermPalette.Sixteen[index + 8], background)) : contrast;
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
        int mostContrast = 0;
        for (int i = 1; i < Basic.Length; i++)
        {
            if (Wcag.Contrast(XtermPalette.Sixteen[i], background) > Wcag.Contrast(XtermPalette.Sixteen[mostContrast], background))
            {
                mostContrast = i;
            }
        }

        // A coloured foreground stays coloured, a grey one grey, where a readable one of its kind exists.
        return Nearest(lab, background, sameKind: true) ?? Nearest(lab, background, sameKind: false) ?? mostContrast;
    }

    /// <summary>Chroma (CIELAB) below which a colour counts as a grey.</summary>
    private const double GreyChroma = 15;

    private static int? Nearest(LabColor lab, Color background, bool sameKind)
    {
        int? best = null;
        for (int i = 0; i < Basic.Length; i++)
        {
            if (Wcag.Contrast(XtermPalette.Sixteen[i], background) < Wcag.ReadableContrast
                || (sameKind && (Chroma(Basic[i]) < GreyChroma) != (Chroma(lab) < GreyChroma)))
            {
                continue;
            }

            if (best is not { } b || lab.DistanceSquared(Basic[i], lightnessWeight: 2) < lab.DistanceSquared(Basic[b], lightnessWeight: 2))
            {
                best = i;
            }
        }

        return best;
    }

    private static double Chroma(LabColor lab) => Math.Sqrt((lab.A * lab.A) + (lab.B * lab.B));
}
