using System.Globalization;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;

namespace TuiProcManager.Tui.Input;

/// <summary>
/// Keys as text: the keys file's syntax (read with Terminal.Gui 2.5.0's <see cref="Key.TryParse"/>), the
/// one name each key is compared by, and the short form the screen shows.
/// </summary>
/// <remarks>
/// A key is compared by its name (<see cref="NameOf"/>), not by its <see cref="KeyCode"/>: a printable
/// character without Ctrl or Alt is the character itself, however the terminal's driver flagged Shift on
/// it (<c>?</c> arrives as a character that needs Shift on most keyboards), as the letters were matched
/// before the keys could be changed. Terminal.Gui's parser reads a number of two or more digits as a
/// character code (<c>"65"</c> is <c>A</c>), an empty text as no key and <c>"Ctrl"</c> as a modifier
/// alone: those are refused here. Ctrl and Alt with a letter ignore its case (<c>Ctrl+p</c> is <c>Ctrl+P</c>).
/// </remarks>
internal static class KeyNames
{
    /// <summary>Keys no action may be given: what they do is the terminal's, or the panels' and dialogs', and the keys file cannot take it.</summary>
    private static readonly Dictionary<string, string> Reserved = new(StringComparer.Ordinal)
    {
        ["Ctrl+C"] = "Ctrl+C is the terminal's interrupt (it stops every worker and quits)",
        ["Esc"] = "Esc closes a dialog",
        ["Enter"] = "Enter accepts a dialog",
        ["Tab"] = "Tab moves between panels and fields",
        ["Shift+Tab"] = "Shift+Tab moves between panels and fields",
        ["CursorUp"] = "the arrows move in panels and dialogs",
        ["CursorDown"] = "the arrows move in panels and dialogs",
        ["CursorLeft"] = "the arrows move in panels and dialogs",
        ["CursorRight"] = "the arrows move in panels and dialogs",
        ["PageUp"] = "PageUp and PageDown scroll panels and the help",
        ["PageDown"] = "PageUp and PageDown scroll panels and the help",
        ["Home"] = "Home and End move in panels and fields",
        ["End"] = "Home and End move in panels and fields",
    };

    /// <summary>The longest key text read (the longest key name, with every modifier, is far shorter).</summary>
    private const int MaxLength = 40;

    /// <summary>Reads one key as the keys file writes it: <c>z</c>, <c>P</c>, <c>?</c>, <c>Ctrl+P</c>, <c>Alt+x</c>, <c>F5</c>, <c>Space</c>.</summary>
    /// <param name="text">The key's text.</param>
    /// <param name="name">Its name (<see cref="NameOf"/>), which is what a key pressed is compared with.</param>
    /// <param name="problem">Why it is not a key, in words that follow the quoted text; null when it is one.</param>
    public static bool TryParse(string text, out string name, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        name = "";
        string trimmed = text.Trim();
        if (trimmed.Length == 0)
        {
            problem = "is empty, not a key";
            return false;
        }

        if (trimmed.Length > MaxLength)
        {
            problem = $"is longer than any key ({MaxLength} characters at most)";
            return false;
        }

        if (trimmed.Length > 1 && trimmed.All(char.IsAsciiDigit))
        {
            problem = "is a number, not a key (a digit key is one digit, like \"9\")";
            return false;
        }

        if (!Key.TryParse(trimmed, out Key key) || (key.KeyCode & ~KeyCode.SpecialMask) == KeyCode.Null)
        {
            problem = "is not a key (write keys like \"z\", \"P\", \"?\", \"Ctrl+P\", \"Alt+x\", \"F5\", \"Space\")";
            return false;
        }

        name = NameOf(key);
        problem = null;
        return true;
    }

    /// <summary>
    /// The name a key is known by: a printable character without Ctrl or Alt is itself (<c>p</c>, <c>P</c>,
    /// <c>?</c>); any other key is Terminal.Gui's name for it (<c>Ctrl+P</c>, <c>F9</c>, <c>Space</c>, <c>CursorLeft</c>).
    /// </summary>
    public static string NameOf(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.IsCtrl && !key.IsAlt && key.AsGrapheme is { Length: > 0 } grapheme && IsPrintable(grapheme))
        {
            return grapheme;
        }

        return key.ToString();
    }

    /// <summary>Why <paramref name="name"/> may not be given to an action, or null when it may.</summary>
    public static string? WhyReserved(string name) => Reserved.GetValueOrDefault(name);

    /// <summary>How the screen shows the key named <paramref name="name"/>: short, as the key bar and the help write keys.</summary>
    /// <param name="name">A key's name (<see cref="NameOf"/>).</param>
    /// <param name="ascii">Only ASCII (the Linux console): arrows as <c>&lt;-</c> and <c>-&gt;</c>.</param>
    public static string Shown(string name, bool ascii) => name switch
    {
        "CursorLeft" => ascii ? "<-" : "←",
        "CursorRight" => ascii ? "->" : "→",
        "CursorUp" => ascii ? "Up" : "↑",
        "CursorDown" => ascii ? "Down" : "↓",
        "PageUp" => "PgUp",
        "PageDown" => "PgDn",
        "Space" => "space",
        _ => name,
    };

    private static bool IsPrintable(string grapheme) =>
        !grapheme.Any(char.IsWhiteSpace) && CharUnicodeInfo.GetUnicodeCategory(grapheme, 0) is not (UnicodeCategory.Control or UnicodeCategory.Format);
}
