using System.Globalization;
using TuiProcManager.Core.Os;

namespace TuiProcManager.Tui.Colors;

/// <summary>
/// Finds and reads the compiled terminfo entry for a terminal name where ncurses looks: $TERMINFO,
/// ~/.terminfo, each folder of $TERMINFO_DIRS (an empty one meaning /usr/share/terminfo), /etc/terminfo,
/// /lib/terminfo, /usr/share/terminfo; in each, both layouts: <c>x/xterm</c> and <c>78/xterm</c> (the first
/// letter in hex, for case-insensitive file systems).
/// </summary>
/// <remarks>
/// The first entry found that parses is used, as ncurses does (one that is there but unreadable or corrupt
/// is passed over). A name with a slash or a leading dot is refused: TERM comes from the remote side of an
/// SSH login and is not trusted to name a path.
/// </remarks>
internal sealed class TerminfoLocator(IRegularFileReader files, Func<string, string?> environment)
{
    private const string SystemDefault = "/usr/share/terminfo";

    /// <summary>The entry for <paramref name="term"/>, or null when none is found (or the name is not one).</summary>
    public TerminfoFile? Find(string? term)
    {
        if (string.IsNullOrEmpty(term) || term.Contains('/', StringComparison.Ordinal) || term[0] == '.' || term.Length > 255)
        {
            return null;
        }

        string letter = term[..1], hex = ((int)term[0]).ToString("x2", CultureInfo.InvariantCulture);
        foreach (string folder in Folders())
        {
            foreach (string sub in (string[])[letter, hex])
            {
                if (files.Read(Path.Combine(folder, sub, term), TerminfoFile.MaxBytes, out _) is { } bytes
                    && TerminfoFile.Parse(bytes) is { } entry)
                {
                    return entry;
                }
            }
        }

        return null;
    }

    /// <summary>The folders searched, in order (a folder may come twice; it is then only read twice).</summary>
    public IEnumerable<string> Folders()
    {
        if (environment("TERMINFO") is { Length: > 0 } terminfo)
        {
            yield return terminfo;
        }

        if (environment("HOME") is { Length: > 0 } home)
        {
            yield return Path.Combine(home, ".terminfo");
        }

        if (environment("TERMINFO_DIRS") is { Length: > 0 } dirs)
        {
            foreach (string dir in dirs.Split(':'))
            {
                yield return dir.Length == 0 ? SystemDefault : dir;
            }
        }

        yield return "/etc/terminfo";
        yield return "/lib/terminfo";
        yield return SystemDefault;
    }
}
