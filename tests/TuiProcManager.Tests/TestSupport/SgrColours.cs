using System.Globalization;
using System.Text.RegularExpressions;

namespace TuiProcManager.Tests.TestSupport;

/// <summary>
/// The colours a screen capture with attributes (tmux capture-pane -e) sets, read from its SGR sequences
/// parameter by parameter: 38;2;R;G;B and 48;2;R;G;B (24-bit), 38;5;N and 48;5;N (256 colours), and the basic
/// codes 30–37, 39, 40–47, 49, 90–97, 100–107. Other SGR parameters (bold, reverse…) are left out.
/// </summary>
internal sealed partial class SgrColours
{
    private SgrColours(string screen)
    {
        foreach (Match m in Sgr().Matches(screen))
        {
            int[] p = [.. m.Groups[1].Value.Split(';').Select(s => s.Length == 0 ? 0 : int.Parse(s, CultureInfo.InvariantCulture))];
            for (int i = 0; i < p.Length; i++)
            {
                if (p[i] is 38 or 48 && i + 4 < p.Length && p[i + 1] == 2)
                {
                    (p[i] == 38 ? Foregrounds : Backgrounds).Add($"{p[i + 2]};{p[i + 3]};{p[i + 4]}");
                    i += 4;
                }
                else if (p[i] is 38 or 48 && i + 2 < p.Length && p[i + 1] == 5)
                {
                    Indexed.Add(p[i + 2]);
                    i += 2;
                }
                else if (p[i] is (>= 30 and <= 37) or 39 or (>= 40 and <= 47) or 49 or (>= 90 and <= 97) or (>= 100 and <= 107))
                {
                    Basic.Add(p[i]);
                }
                else if (p[i] is 38 or 48)
                {
                    Malformed.Add(m.Value);
                }
            }
        }
    }

    /// <summary>24-bit foregrounds as "R;G;B".</summary>
    public HashSet<string> Foregrounds { get; } = [];

    /// <summary>24-bit backgrounds as "R;G;B".</summary>
    public HashSet<string> Backgrounds { get; } = [];

    /// <summary>256-colour indexes, foreground or background.</summary>
    public List<int> Indexed { get; } = [];

    /// <summary>Basic colour codes, the defaults 39 and 49 included.</summary>
    public List<int> Basic { get; } = [];

    /// <summary>A 38 or 48 not followed by a whole 2;R;G;B or 5;N.</summary>
    public List<string> Malformed { get; } = [];

    /// <summary>Whether anything but the terminal's default colours (39, 49) is set.</summary>
    public bool AnyColour => Foregrounds.Count + Backgrounds.Count + Indexed.Count + Malformed.Count > 0 || Basic.Any(c => c is not (39 or 49));

    public static SgrColours Of(string screen) => new(screen);

    /// <summary>"R;G;B" of a theme colour ("#rrggbb", or a name Terminal.Gui knows), as a 24-bit SGR carries it.</summary>
    public static string Rgb(string colour)
    {
        Terminal.Gui.Drawing.Color c = Terminal.Gui.Drawing.Color.Parse(colour, CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{c.R};{c.G};{c.B}");
    }

    [GeneratedRegex(@"\x1b\[([0-9;]*)m")]
    private static partial Regex Sgr();
}
