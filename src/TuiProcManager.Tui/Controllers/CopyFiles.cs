using System.Globalization;
using System.Text;
using TuiProcManager.Core.Text;

namespace TuiProcManager.Tui.Controllers;

/// <summary>
/// Where every copy is also saved, because a terminal may ignore the clipboard sequence and nothing says so:
/// <c>$XDG_STATE_HOME/tuiproc/copies</c>, else <c>~/.local/state/tuiproc/copies</c>, one new file per copy.
/// </summary>
/// <remarks>
/// A file is created with O_CREAT|O_EXCL (<see cref="FileMode.CreateNew"/>), mode 0600 from its creation: an
/// existing name, whatever it is (a file, a FIFO, a symlink, even one to nothing), is never opened or followed,
/// the next free name is taken instead. The folder is made 0700 when missing; one that exists keeps the mode
/// its owner gave it. A file left half written (a full disk) is removed. Nothing here throws for a file
/// problem: it comes back as one line naming the path.
/// </remarks>
internal sealed class CopyFiles(string? folder, TimeProvider time)
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateFolder = PrivateFile | UnixFileMode.UserExecute;

    /// <summary>Names tried after the first is taken (<c>NAME-2.txt</c> …) before giving up.</summary>
    private const int MaxTries = 100;

    /// <summary>The folder, or null without <c>XDG_STATE_HOME</c> and <c>HOME</c>.</summary>
    public string? Folder { get; } = folder;

    /// <summary>The user's folder, from <paramref name="environment"/>.</summary>
    public static CopyFiles ForThisUser(Func<string, string?> environment, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? state = environment("XDG_STATE_HOME") is { Length: > 0 } xdg && Path.IsPathFullyQualified(xdg)
            ? xdg
            : environment("HOME") is { Length: > 0 } home && Path.IsPathFullyQualified(home) ? Path.Combine(home, ".local", "state") : null;
        return new CopyFiles(state is null ? null : Path.Combine(state, "tuiproc", "copies"), time);
    }

    /// <summary>
    /// Saves <paramref name="lines"/>, each ending with a newline, in a new file named after
    /// <paramref name="stem"/> and the local time.
    /// </summary>
    /// <returns>The file's path, or null and the <paramref name="problem"/> in one line.</returns>
    public string? Save(string stem, IReadOnlyList<string> lines, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(lines);
        problem = null;
        if (Folder is not { } folder)
        {
            problem = "no folder to save it in (neither XDG_STATE_HOME nor HOME is set)";
            return null;
        }

        string name = stem + "-" + time.GetLocalNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        string path = folder;
        try
        {
            Directory.CreateDirectory(folder, PrivateFolder);
            for (int attempt = 1; attempt <= MaxTries; attempt++)
            {
                path = Path.Combine(folder, attempt == 1 ? name + ".txt" : $"{name}-{attempt}.txt");
                if (TryCreate(path, lines))
                {
                    return path;
                }
            }

            problem = $"cannot save to {folder}: {MaxTries} names for {name} are taken";
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot save to {path}: {FileErrorText.Of(e)}";
            return null;
        }
    }

    /// <summary>Writes a new file at <paramref name="path"/>; false when the name exists (anything at all is there).</summary>
    private static bool TryCreate(string path, IReadOnlyList<string> lines)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = PrivateFile });
        }
        catch (IOException e) when (File.Exists(path) || Directory.Exists(path) || e.HResult == EExist)
        {
            return false;
        }

        try
        {
            using (file)
            using (StreamWriter writer = new(file, new UTF8Encoding(false)))
            {
                foreach (string line in lines)
                {
                    writer.Write(line);
                    writer.Write('\n');
                }
            }

            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(path); // half a copy is no copy: the problem is said instead
            throw;
        }
    }

    private const int EExist = 17;
}
