using System.Globalization;
using System.Text;
using Terminal.Gui.Drawing;
using TuiProcManager.Tui.Hosting;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TuiProcManager.Tui.Colors;

/// <summary>
/// The SGR sequence that sets an attribute's colours in one colour mode: 24-bit as is (38;2 / 48;2), 256
/// colours as the nearest fixed colour (38;5 / 48;5, <see cref="Palette256Mapper"/>), 16 colours as a
/// readable pair (30–37/90–97 and 40–47/100–107, <see cref="Palette16Mapper"/>; bold left out where a terminal
/// showing it brighter would make the pair unreadable), none as nothing at all.
/// <see cref="Color.None"/> (the terminal's own colour) is 39 / 49 in every mode but none.
/// </summary>
/// <remarks>
/// Each pair's sequence is worked out once and kept (a frame during a flood sets the same few pairs again
/// and again): a dictionary look-up per attribute change, as cheap as Terminal.Gui's own formatting. A theme
/// has a few dozen pairs; the cache is emptied past <see cref="MaxPairs"/> (a user's theme cannot grow it
/// without bound). One thread: the UI thread that writes the frames.
/// </remarks>
internal sealed class SgrColors(ColorMode mode)
{
    /// <summary>The most pairs kept.</summary>
    public const int MaxPairs = 4096;

    private readonly Dictionary<(Color, Color), (string Codes, bool DropBold)> _pairs = [];

    /// <summary>The colour mode written for.</summary>
    public ColorMode Mode { get; } = mode;

    /// <summary>
    /// Appends the sequence for <paramref name="attribute"/>'s colours (nothing under <see cref="ColorMode.None"/>);
    /// returns the text style to show it with: the attribute's, less bold where a terminal that shows bold
    /// brighter would make the 16-colour pair unreadable (<see cref="Palette16Mapper.BoldUnreadable"/>).
    /// </summary>
    public TextStyle Append(StringBuilder output, Attribute attribute)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (Mode == ColorMode.None)
        {
            return attribute.Style;
        }

        (Color, Color) key = (attribute.Foreground, attribute.Background);
        if (!_pairs.TryGetValue(key, out (string Codes, bool DropBold) pair))
        {
            if (_pairs.Count >= MaxPairs)
            {
                _pairs.Clear();
            }

            pair = _pairs[key] = (Codes(attribute.Foreground, attribute.Background, out bool dropBold), dropBold);
        }

        output.Append(pair.Codes);
        return pair.DropBold ? attribute.Style & ~TextStyle.Bold : attribute.Style;
    }

    /// <summary>The sequence for the pair, worked out (not cached).</summary>
    internal string Codes(Color foreground, Color background) => Codes(foreground, background, out _);

    /// <summary>The sequence for the pair, and whether bold must not be sent with it (16 colours).</summary>
    private string Codes(Color foreground, Color background, out bool dropBold)
    {
        dropBold = false;
        bool fgSet = foreground != Color.None, bgSet = background != Color.None;
        string fg, bg;
        switch (Mode)
        {
            case ColorMode.Sixteen:
                (int f, int b) = (fgSet, bgSet) switch
                {
                    (true, true) => Palette16Mapper.Map(foreground, background),
                    (true, false) => (Palette16Mapper.NearestBackground(foreground), 0), // on the terminal's own background, unknown
                    _ => (0, bgSet ? Palette16Mapper.NearestBackground(background) : 0),
                };
                fg = fgSet ? Basic(f, 30, 90) : "39";
                bg = bgSet ? Basic(b, 40, 100) : "49";
                dropBold = fgSet && bgSet && Palette16Mapper.BoldUnreadable(f, b);
                break;
            case ColorMode.Palette256:
                fg = fgSet ? Invariant($"38;5;{Palette256Mapper.Nearest(foreground)}") : "39";
                bg = bgSet ? Invariant($"48;5;{Palette256Mapper.Nearest(background)}") : "49";
                break;
            default:
                fg = fgSet ? Invariant($"38;2;{foreground.R};{foreground.G};{foreground.B}") : "39";
                bg = bgSet ? Invariant($"48;2;{background.R};{background.G};{background.B}") : "49";
                break;
        }

        return $"\u001b[{fg};{bg}m";
    }

    private static string Basic(int index, int normalBase, int brightBase) =>
        (index < 8 ? normalBase + index : brightBase + index - 8).ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
