using System.Collections.Frozen;
using System.Reflection;
using TuiProcManager.Core.Text;

namespace TuiProcManager.Core.Os;

/// <summary>
/// tuiproc's own files (its themes, its labs, the Explain texts) as they travel inside the binary, so that
/// the binary alone has them; and a reader of both those and the files on disk.
/// </summary>
/// <remarks>
/// <para>
/// A carrier assembly embeds each file with its path beside the app as the resource's logical name
/// (<c>themes/tuiproc-dark.json</c>, <c>labs/explain.json</c>). A built-in file is named
/// <c>(built in) themes/tuiproc-dark.json</c> (<see cref="PathOf"/>): that is the path the catalogs read it
/// by and the name messages give it. Every other path is read from disk by the reader given.
/// </para>
/// <para>
/// Built-in files obey the same limit as files on disk: one larger than the limit the caller gives is
/// refused with the same words, so a file that is too large beside the app is too large built in.
/// </para>
/// </remarks>
public sealed class BuiltInFiles : IRegularFileReader
{
    /// <summary>What a built-in file's path starts with.</summary>
    public const string Mark = "(built in) ";

    private readonly IRegularFileReader _disk;
    private readonly FrozenDictionary<string, (Assembly Assembly, string Resource)> _files;

    /// <summary>The files embedded in <paramref name="carriers"/> (resources whose logical name is a relative path with a folder), over <paramref name="disk"/>.</summary>
    public BuiltInFiles(IRegularFileReader disk, params IEnumerable<Assembly> carriers)
    {
        ArgumentNullException.ThrowIfNull(disk);
        ArgumentNullException.ThrowIfNull(carriers);
        _disk = disk;
        Dictionary<string, (Assembly, string)> files = new(StringComparer.Ordinal);
        foreach (Assembly assembly in carriers.Distinct())
        {
            foreach (string resource in assembly.GetManifestResourceNames().Where(n => n.Contains('/', StringComparison.Ordinal)))
            {
                files[resource] = (assembly, resource);
            }
        }

        _files = files.ToFrozenDictionary(StringComparer.Ordinal);
        Names = [.. _files.Keys.Order(StringComparer.Ordinal)];
    }

    /// <summary>Every built-in file, by its path beside the app (<c>themes/tuiproc-dark.json</c>), in ordinal order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Whether <paramref name="path"/> names a built-in file (it may still be one this build lacks).</summary>
    public static bool IsBuiltIn(string path) => path is not null && path.StartsWith(Mark, StringComparison.Ordinal);

    /// <summary>The path a built-in file is read by and named by: <c>(built in) themes/tuiproc-dark.json</c>.</summary>
    /// <param name="name">Its path beside the app, <c>themes/tuiproc-dark.json</c>.</param>
    public static string PathOf(string name) => Mark + name;

    /// <summary>Whether <paramref name="name"/> (<c>themes/tuiproc-dark.json</c>) is built in.</summary>
    public bool Contains(string name) => _files.ContainsKey(name);

    /// <summary>One of tuiproc's folders (<c>themes</c>, <c>labs</c>): <paramref name="besideApp"/> over the files of that name built in.</summary>
    public ShippedFolder Folder(string name, string besideApp) => new(this, name, besideApp);

    /// <inheritdoc />
    public byte[]? Read(string path, int maxBytes, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);
        if (!IsBuiltIn(path))
        {
            return _disk.Read(path, maxBytes, out problem);
        }

        problem = null;
        if (!_files.TryGetValue(path[Mark.Length..], out (Assembly Assembly, string Resource) found)
            || found.Assembly.GetManifestResourceStream(found.Resource) is not { } stream)
        {
            return null; // not in this build: as a file that is not there
        }

        using (stream)
        {
            if (stream.Length > maxBytes)
            {
                problem = "larger than " + ByteSize.Format(maxBytes);
                return null;
            }

            byte[] bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return bytes;
        }
    }
}
