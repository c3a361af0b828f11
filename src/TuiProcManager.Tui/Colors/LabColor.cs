using Terminal.Gui.Drawing;

namespace TuiProcManager.Tui.Colors;

/// <summary>A colour in CIELAB (D65), where a distance approximates how different two colours look.</summary>
/// <param name="L">Lightness, 0 to 100.</param>
/// <param name="A">Green (negative) to red (positive).</param>
/// <param name="B">Blue (negative) to yellow (positive).</param>
internal readonly record struct LabColor(double L, double A, double B)
{
    /// <summary>The sRGB colour in CIELAB (alpha ignored).</summary>
    public static LabColor From(Color color)
    {
        double r = Linear(color.R), g = Linear(color.G), b = Linear(color.B);
        double x = ((0.4124 * r) + (0.3576 * g) + (0.1805 * b)) / 0.95047;
        double y = (0.2126 * r) + (0.7152 * g) + (0.0722 * b);
        double z = ((0.0193 * r) + (0.1192 * g) + (0.9505 * b)) / 1.08883;
        double fx = F(x), fy = F(y), fz = F(z);
        return new LabColor((116 * fy) - 16, 500 * (fx - fy), 200 * (fy - fz));
    }

    /// <summary>
    /// The squared CIE76 distance, with lightness differences counted <paramref name="lightnessWeight"/> times
    /// less: 1 for "the nearest colour"; 2 (as CMC l:c 2:1) when lightness must give way, as a foreground
    /// lightened or darkened to stay readable, and hue should decide.
    /// </summary>
    public double DistanceSquared(LabColor other, double lightnessWeight = 1)
    {
        double dl = (L - other.L) / lightnessWeight, da = A - other.A, db = B - other.B;
        return (dl * dl) + (da * da) + (db * db);
    }

    private static double Linear(byte channel)
    {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }

    private static double F(double t) => t > 216.0 / 24389 ? Math.Cbrt(t) : ((24389.0 / 27 * t) + 16) / 116;
}
