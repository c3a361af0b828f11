using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using TuiProcManager.Core.Text;
using TuiProcManager.Sessions.Server;

namespace TuiProcManager.Sessions;

/// <summary><c>--linger SPAN|never</c>: how long a session's live workers run on with nobody attached.</summary>
internal static class LingerOption
{
    /// <summary>The longest linger that can be given (a week): longer is what <c>never</c> is for.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromDays(7);

    public static Option<TimeSpan?> Create() => new("--linger")
    {
        Description = "How long the session's workers run on once nobody is attached, before they are terminated and the session ends: e.g. 90s, 30m, 2h (the default), or never. A session with no live worker ends a minute after the last client leaves.",
        HelpName = "SPAN",
        DefaultValueFactory = _ => SessionLinger.DefaultLinger,
        CustomParser = Parse,
    };

    /// <summary>The text a linger is given as (the server's argument; ls shows it).</summary>
    public static string Format(TimeSpan? linger) => linger switch
    {
        null => "never",
        { TotalHours: >= 1 } l when l.TotalHours == Math.Floor(l.TotalHours) => l.TotalHours.ToString(CultureInfo.InvariantCulture) + "h",
        { TotalMinutes: >= 1 } l when l.TotalMinutes == Math.Floor(l.TotalMinutes) => l.TotalMinutes.ToString(CultureInfo.InvariantCulture) + "m",
        { } l => Math.Ceiling(l.TotalSeconds).ToString(CultureInfo.InvariantCulture) + "s",
    };

    /// <summary>A linger from its text, or the one line saying what is wrong.</summary>
    public static bool TryParse(string text, out TimeSpan? linger, out string? problem)
    {
        linger = null;
        problem = null;
        if (text == "never")
        {
            return true;
        }

        char unit = text.Length > 1 ? text[^1] : ' ';
        double scale = unit switch { 's' => 1, 'm' => 60, 'h' => 3600, _ => 0 };
        if (scale > 0 && int.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
            && TimeSpan.FromSeconds(n * scale) is var span && span <= Max)
        {
            linger = span;
            return true;
        }

        problem = $"--linger takes a whole number of seconds, minutes or hours (90s, 30m, 2h; at most 168h) or never, got '{InputText.Shorten(text)}'";
        return false;
    }

    private static TimeSpan? Parse(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (TryParse(text, out TimeSpan? linger, out string? problem))
        {
            return linger;
        }

        result.AddError(problem!);
        return null;
    }
}
