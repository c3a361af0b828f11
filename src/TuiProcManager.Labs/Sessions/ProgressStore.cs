using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Text;
using TuiProcManager.Labs.Format;

namespace TuiProcManager.Labs.Sessions;

/// <summary>
/// Saves each lab's progress for the user, in <c>$XDG_STATE_HOME/tuiproc/labs/</c> (or
/// <c>~/.local/state/tuiproc/labs/</c>): one file per lab, readable by the user only, replaced atomically,
/// so that a lab resumes where it was left.
/// </summary>
/// <remarks>
/// A saved file that cannot be used (not JSON, another format, not a regular file, larger than
/// <see cref="MaxBytes"/>, unreadable) is never overwritten nor removed: it is moved aside to a backup
/// of its own, <c>KEY.json.broken</c>, then <c>.broken-2</c> … <c>.broken-20</c>, and the problem is said,
/// naming the backup. A backup is never replaced: the move is a link(2) to a name that must not exist
/// (File.Move without overwrite), so two corruptions keep two backups, even when two tuiprocs race.
/// When all <see cref="MaxBackups"/> names are taken, or the move fails, the file is left where it is and
/// this store saves nothing over it until it is gone (the problem says so).
/// </remarks>
public sealed class ProgressStore
{
    /// <summary>Largest progress file read: a lab's progress is a few kilobytes (at most 100 steps, each with a short answer).</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>Most backups kept of one lab's progress.</summary>
    public const int MaxBackups = 20;

    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private readonly IRegularFileReader _files;
    private readonly Lock _lock = new();
    private readonly HashSet<string> _leftInPlace = []; // keys whose unusable file could not be moved aside: not saved over

    /// <summary>A store in <paramref name="directory"/>, read through <paramref name="files"/>; null directory when there is nowhere to save (no home).</summary>
    public ProgressStore(IRegularFileReader files, string? directory)
    {
        ArgumentNullException.ThrowIfNull(files);
        _files = files;
        Directory = directory;
    }

    /// <summary>Where the files go; null when there is nowhere.</summary>
    public string? Directory { get; }

    /// <summary>The user's: <c>$XDG_STATE_HOME/tuiproc/labs</c>, else <c>~/.local/state/tuiproc/labs</c>; null without a home.</summary>
    public static ProgressStore ForUser(IRegularFileReader files)
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        string? home = Environment.GetEnvironmentVariable("HOME");
        string? state = !string.IsNullOrEmpty(xdg) ? xdg : !string.IsNullOrEmpty(home) ? Path.Combine(home, ".local", "state") : null;
        return new ProgressStore(files, state is null ? null : Path.Combine(state, "tuiproc", "labs"));
    }

    /// <summary>
    /// The file name a lab's progress is kept under: the lab's id for a shipped lab; for a lab file of
    /// one's own, its id and a hash of its path (two files with the same id keep apart).
    /// </summary>
    public static string KeyFor(string labId, string labFile, bool shipped)
    {
        ArgumentNullException.ThrowIfNull(labId);
        ArgumentNullException.ThrowIfNull(labFile);
        if (shipped)
        {
            return labId;
        }

        string hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(labFile))))[..10];
        return $"file-{labId}-{hash}";
    }

    /// <summary>The file of <paramref name="key"/>; null when there is nowhere to save.</summary>
    public string? PathOf(string key) => Directory is { } dir ? Path.Combine(dir, key + ".json") : null;

    /// <summary>
    /// The saved progress of <paramref name="key"/>, or null: none yet, or unusable, and then
    /// <paramref name="problem"/> says in one line what is wrong and where the file was kept.
    /// </summary>
    public LabProgress? Load(string key, out string? problem)
    {
        problem = null;
        if (PathOf(key) is not { } path)
        {
            return null;
        }

        if (_files.Read(path, MaxBytes, out string? unusable) is not { } bytes)
        {
            problem = unusable is null ? null : SetAside(key, path, unusable);
            return null;
        }

        try
        {
            if (LabProgressJson.Read(bytes) is { } progress)
            {
                return progress;
            }

            problem = SetAside(key, path, $"not {LabProgress.CurrentFormat} progress");
        }
        catch (JsonException e)
        {
            problem = SetAside(key, path, $"not valid JSON (line {(e.LineNumber ?? 0) + 1})");
        }

        return null;
    }

    /// <summary>Saves <paramref name="progress"/> under <paramref name="key"/>; returns a one-line problem, or null.</summary>
    public string? Save(string key, LabProgress progress)
    {
        if (Directory is not { } dir || PathOf(key) is not { } path)
        {
            return "no home directory to save lab progress in";
        }

        lock (_lock)
        {
            if (_leftInPlace.Contains(key))
            {
                return $"lab progress is not saved: {path} could not be moved aside, and is not written over; move it away and the next step is saved";
            }
        }

        string temporary = path + ".tmp";
        try
        {
            System.IO.Directory.CreateDirectory(dir, PrivateDirectory);

            // A leftover temporary (a run killed mid-save) is removed, not opened: it could be anything
            // by now, a FIFO that would block the open. CreateNew (O_EXCL) then makes a file of our own, 0600.
            File.Delete(temporary);
            using (FileStream file = new(temporary, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = PrivateFile }))
            {
                JsonSerializer.Serialize(file, progress, LabsJsonContext.Default.LabProgress);
            }

            File.Move(temporary, path, overwrite: true);
            lock (_lock)
            {
                _leftInPlace.Remove(key);
            }

            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot save lab progress to {path}: {FileErrorText.Of(e)}";
        }
    }

    /// <summary>Forgets <paramref name="key"/>'s progress (the lab starts over); returns a one-line problem, or null.</summary>
    public string? Reset(string key)
    {
        if (PathOf(key) is not { } path || !File.Exists(path))
        {
            return null;
        }

        try
        {
            File.Delete(path);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot remove {path}: {FileErrorText.Of(e)}";
        }
    }

    /// <summary>The names a backup of <paramref name="path"/> may take, in order.</summary>
    public static IEnumerable<string> BackupNames(string path)
    {
        yield return path + ".broken";
        for (int n = 2; n <= MaxBackups; n++)
        {
            yield return $"{path}.broken-{n}";
        }
    }

    /// <summary>Moves the unusable file at <paramref name="path"/> to the first free backup name; the one-line problem.</summary>
    private string SetAside(string key, string path, string why)
    {
        string start = $"progress file {path}: {why}";
        string? failure = null;
        foreach (string backup in BackupNames(path))
        {
            if (Exists(backup))
            {
                continue;
            }

            try
            {
                if (System.IO.Directory.Exists(path) && new FileInfo(path).LinkTarget is null)
                {
                    System.IO.Directory.Move(path, backup); // rename(2); it refuses an existing destination first
                }
                else
                {
                    File.Move(path, backup, overwrite: false); // link(2) then unlink: never replaces a backup
                }

                lock (_lock)
                {
                    _leftInPlace.Remove(key);
                }

                return $"{start}; it was kept as {backup} and the lab starts over";
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                if (!Exists(path))
                {
                    return $"{start}; it is gone (another tuiproc moved it?) and the lab starts over";
                }

                if (Exists(backup))
                {
                    continue; // taken meanwhile: try the next name
                }

                failure = FileErrorText.Of(e);
                break;
            }
        }

        lock (_lock)
        {
            _leftInPlace.Add(key);
        }

        string reason = failure is null
            ? $"{MaxBackups} backups ({path}.broken…) are kept already; remove those you no longer need"
            : $"it could not be moved aside ({failure})";
        return $"{start}; {reason}. It is left as it is and not saved over: the lab starts over, unsaved";
    }

    /// <summary>Whether anything (a symlink to nothing included) is at <paramref name="path"/>.</summary>
    private static bool Exists(string path) => Path.Exists(path) || new FileInfo(path).LinkTarget is not null;
}
