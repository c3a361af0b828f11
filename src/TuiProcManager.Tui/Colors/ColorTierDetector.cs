using TuiProcManager.Core.Os;
using TuiProcManager.Tui.Hosting;

namespace TuiProcManager.Tui.Colors;

/// <summary>
/// Decides how much colour to send, from what a user's session sets: a local terminal, or an SSH login,
/// which passes TERM but not COLORTERM.
/// </summary>
/// <remarks>
/// In order, the first that applies:
/// <list type="number">
/// <item>NO_COLOR, any non-empty value (no-color.org): none, whatever else says.</item>
/// <item>An explicit <c>--colors</c>: that.</item>
/// <item>COLORTERM=truecolor or 24bit: 24-bit.</item>
/// <item>TERM=dumb: none (a terminal that says it can do nothing would show the codes as text).</item>
/// <item>TERM's terminfo entry (<see cref="TerminfoLocator"/>): RGB or Tc, 24-bit; colors ≥ 256, 256; else 16.</item>
/// <item>No entry found: a TERM ending in -direct, 24-bit; in -256color, 256; else 16.</item>
/// <item>Below 24-bit, the terminal itself is asked (<see cref="TerminalColorAnswer"/>), when stdin and
/// stdout are a terminal, for at most <see cref="QueryMilliseconds"/>: a yes to RGB means 24-bit.</item>
/// </list>
/// </remarks>
internal static class ColorTierDetector
{
    /// <summary>The longest wait for the terminal's answer: longer than a round trip over most SSH links, short enough not to be noticed at start.</summary>
    public const int QueryMilliseconds = 200;

    /// <summary>The colour mode to use.</summary>
    /// <param name="requested">--colors (<see cref="ColorMode.Auto"/> unless the user chose).</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="terminfo">Finds TERM's terminfo entry.</param>
    /// <param name="query">Asks the terminal, or null not to.</param>
    /// <param name="typed">Keys the user typed while the terminal was asked (empty when it was not): for the UI's input.</param>
    public static ColorMode Decide(ColorMode requested, Func<string, string?> environment, Func<string?, TerminfoFile?> terminfo, ITerminalQuery? query, out byte[] typed)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(terminfo);
        typed = [];
        ColorMode fromEnvironment = FromEnvironment(requested, environment, terminfo);
        if (requested != ColorMode.Auto || fromEnvironment is ColorMode.TrueColor or ColorMode.None || query is null)
        {
            return fromEnvironment;
        }

        if (query.Ask(TerminalColorAnswer.Question, TerminalColorAnswer.IsComplete, QueryMilliseconds) is not { } read)
        {
            return fromEnvironment;
        }

        (bool saysRgb, _, typed) = TerminalColorAnswer.Read(read);
        return saysRgb ? ColorMode.TrueColor : fromEnvironment;
    }

    /// <summary>The mode from NO_COLOR, --colors, COLORTERM and TERM alone (the terminal not asked).</summary>
    public static ColorMode FromEnvironment(ColorMode requested, Func<string, string?> environment, Func<string?, TerminfoFile?> terminfo)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(terminfo);
        if (!string.IsNullOrEmpty(environment("NO_COLOR")))
        {
            return ColorMode.None;
        }

        if (requested != ColorMode.Auto)
        {
            return requested;
        }

        if (environment("COLORTERM") is "truecolor" or "24bit")
        {
            return ColorMode.TrueColor;
        }

        string? term = environment("TERM");
        if (term == "dumb")
        {
            return ColorMode.None;
        }

        if (terminfo(term) is { } entry)
        {
            return entry.DirectColor ? ColorMode.TrueColor : entry.MaxColors >= 256 ? ColorMode.Palette256 : ColorMode.Sixteen;
        }

        return term switch
        {
            not null when term.EndsWith("-direct", StringComparison.Ordinal) => ColorMode.TrueColor,
            not null when term.EndsWith("-256color", StringComparison.Ordinal) => ColorMode.Palette256,
            _ => ColorMode.Sixteen,
        };
    }
}
