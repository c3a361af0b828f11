using Terminal.Gui.Drawing;

namespace TuiProcManager.Tui.Colors;

/// <summary>
/// The colours xterm shows for the 256 indexed colours by default: what the 16- and 256-colour output is
/// matched and checked against.
/// </summary>
/// <remarks>
/// <para>
/// 0–15 are xterm's defaults from its XTerm-color resources (/etc/X11/app-defaults/XTerm-color, xterm 379):
/// black, red3, green3, yellow3, blue2, magenta3, cyan3, gray90, gray50, red, green, yellow, rgb:5c/5c/ff,
/// magenta, cyan, white, with the X11 names' values from rgb.txt. Users often change these (a terminal's
/// "palette"), which is why the 256-colour output never uses them.
/// </para>
/// <para>16–231 are the 6×6×6 cube with the levels 0, 95, 135, 175, 215, 255; 232–255 are the greys 8 + 10·i.</para>
/// </remarks>
internal static class XtermPalette
{
    /// <summary>xterm's default 16 colours, by index.</summary>
    public static IReadOnlyList<Color> Sixteen { get; } =
    [
        new(0x00, 0x00, 0x00), new(0xcd, 0x00, 0x00), new(0x00, 0xcd, 0x00), new(0xcd, 0xcd, 0x00),
        new(0x00, 0x00, 0xee), new(0xcd, 0x00, 0xcd), new(0x00, 0xcd, 0xcd), new(0xe5, 0xe5, 0xe5),
        new(0x7f, 0x7f, 0x7f), new(0xff, 0x00, 0x00), new(0x00, 0xff, 0x00), new(0xff, 0xff, 0x00),
        new(0x5c, 0x5c, 0xff), new(0xff, 0x00, 0xff), new(0x00, 0xff, 0xff), new(0xff, 0xff, 0xff),
    ];

    private static readonly byte[] CubeLevels = [0, 95, 135, 175, 215, 255];

    /// <summary>The colour of index 0–255.</summary>
    public static Color Indexed(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 255);
        if (index < 16)
        {
            return Sixteen[index];
        }

        if (index < 232)
        {
            int cube = index - 16;
            return new Color(CubeLevels[cube / 36], CubeLevels[cube / 6 % 6], CubeLevels[cube % 6]);
        }

        byte grey = (byte)(8 + (10 * (index - 232)));
        return new Color(grey, grey, grey);
    }
}
