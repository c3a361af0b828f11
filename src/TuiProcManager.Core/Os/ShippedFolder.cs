using System.IO.Enumeration;

namespace TuiProcManager.Core.Os;

/// <summary>
/// One of tuiproc's own folders (<c>themes/</c>, <c>labs/</c>): the folder of that name beside the app, over
/// the same files built into the binary (<see cref="BuiltInFiles"/>).
/// </summary>
/// <remarks>
/// A file beside the app replaces the built-in file of the same name whatever it is: it is the one read,
/// and if it cannot be used (not JSON, a FIFO, too large) it is named and refused as it was before the
/// files were built in; the built-in one does not stand in for it silently. A file that is only beside the
/// app is added; a built-in file nothing replaces is used as it is. So a binary copied alone has every
/// file, and a folder beside it changes or extends them exactly as the folder the build used to copy did.
/// </remarks>
public sealed class ShippedFolder
{
    private readonly BuiltInFiles _builtIn;

    internal ShippedFolder(BuiltInFiles builtIn, string name, string besideApp)
    {
        ArgumentNullException.ThrowIfNull(builtIn);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentException.ThrowIfNullOrEmpty(besideApp);
        _builtIn = builtIn;
        Name = name;
        BesideApp = besideApp;
    }

    /// <summary>The folder's name, <c>themes</c> or <c>labs</c>: its built-in files are <c>NAME/…</c>.</summary>
    public string Name { get; }

    /// <summary>The folder beside the app whose files replace or join the built-in ones (it need not exist).</summary>
    public string BesideApp { get; }

    /// <summary>Reads the paths this folder gives out: built-in ones and files on disk alike.</summary>
    public IRegularFileReader Files => _builtIn;

    /// <summary>
    /// Every file of the folder whose name matches <paramref name="pattern"/> (<c>*.json</c>): each entry
    /// beside the app (any kind: a FIFO or a directory of that name is given out, to be named when read),
    /// then each built-in file no entry there replaces; in ordinal order of file name.
    /// </summary>
    public IReadOnlyList<string> List(string pattern)
    {
        ArgumentNullException.ThrowIfNull(pattern);
        SortedDictionary<string, string> found = new(StringComparer.Ordinal);
        string prefix = Name + "/";
        foreach (string name in _builtIn.Names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            string file = name[prefix.Length..];
            if (!file.Contains('/', StringComparison.Ordinal) && FileSystemName.MatchesSimpleExpression(pattern, file, ignoreCase: false))
            {
                found[file] = BuiltInFiles.PathOf(name);
            }
        }

        if (Directory.Exists(BesideApp))
        {
            foreach (string path in Directory.EnumerateFileSystemEntries(BesideApp, pattern))
            {
                found[Path.GetFileName(path)] = path;
            }
        }

        return [.. found.Values];
    }

    /// <summary>
    /// The path to read <paramref name="file"/> (<c>explain.json</c>) by: beside the app when anything of that
    /// name is there (a dangling link too), else the built-in one, else the path beside the app (which then
    /// reads as not there).
    /// </summary>
    public string Find(string file)
    {
        ArgumentException.ThrowIfNullOrEmpty(file);
        string beside = Path.Combine(BesideApp, file);
        bool there = File.Exists(beside) || Directory.Exists(beside) || new FileInfo(beside).LinkTarget is not null;
        return !there && _builtIn.Contains(Name + "/" + file) ? BuiltInFiles.PathOf(Name + "/" + file) : beside;
    }
}
