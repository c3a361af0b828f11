using Terminal.Gui.Drawing;

namespace TuiProcManager.Tui.Colors;

/// <summary>WCAG 2's relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio).</summary>
internal static class Wcag
{
    /// <summary>The contrast text is held to (WCAG 2 AA for normal text): 4.5:1.</summary>
    public const double ReadableContrast = 4.5;

    /// <summary>The relative luminance of an sRGB colour: 0 (black) to 1 (white).</summary>
    public static double Luminance(Color color) =>
        (0.2126 * Linear(color.R)) + (0.7152 * Linear(color.G)) + (0.0722 * Linear(color.B));

    /// <summary>The contrast ratio of two colours, 1 (the same) to 21 (black and white), whichever is lighter.</summary>
    public static double Contrast(Color a, Color b)
    {
        double la = Luminance(a), lb = Luminance(b);
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Linear(byte channel)
    {
        double c = channel / 255.0;
        return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
    }
}
