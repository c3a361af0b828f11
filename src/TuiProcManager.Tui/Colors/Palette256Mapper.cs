using Terminal.Gui.Drawing;

namespace TuiProcManager.Tui.Colors;

/// <summary>
/// The nearest of xterm's 240 fixed colours (the cube, 16–231, and the greys, 232–255) to a 24-bit colour,
/// by CIELAB distance. Indexes 0–15 are never chosen: they are the user's own palette, whose colours are
/// unknown.
/// </summary>
internal static class Palette256Mapper
{
    private static readonly LabColor[] Fixed = [.. Enumerable.Range(16, 240).Select(i => LabColor.From(XtermPalette.Indexed(i)))];

    /// <summary>The index, 16–255, whose colour looks nearest to <paramref name="color"/>. Pure; the caller caches.</summary>
    public static int Nearest(Color color)
    {
        LabColor lab = LabColor.From(color);
        int best = 0;
        double bestDistance = double.MaxValue;
        for (int i = 0; i < Fixed.Length; i++)
        {
            double distance = lab.DistanceSquared(Fixed[i]);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = i;
            }
        }

        return best + 16;
    }
}
