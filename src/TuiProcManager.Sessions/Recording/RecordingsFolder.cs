using System.Globalization;

namespace TuiProcManager.Sessions.Recording;

/// <summary>
/// Where the user's flight recordings live: <c>$XDG_STATE_HOME/tuiproc/sessions/</c> (else
/// <c>~/.local/state/tuiproc/sessions/</c>), one directory per session, <c>NAME-yyyyMMddTHHmmssZ-PID</c>
/// (the session's name, its server's start in UTC and pid), every directory 0700, every file 0600.
/// </summary>
public sealed class RecordingsFolder
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const string StartFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The folder at <paramref name="path"/>.</summary>
    public RecordingsFolder(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        Path = path;
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary>The user's, from the environment; null without <c>XDG_STATE_HOME</c> and <c>HOME</c>.</summary>
    public static RecordingsFolder? ForUser(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? xdg = environment("XDG_STATE_HOME");
        string? home = environment("HOME");
        string? state = !string.IsNullOrEmpty(xdg) ? xdg : !string.IsNullOrEmpty(home) ? System.IO.Path.Combine(home, ".local", "state") : null;
        return state is null ? null : new RecordingsFolder(System.IO.Path.Combine(state, "tuiproc", "sessions"));
    }

    /// <summary>The directory name of a session's recording.</summary>
    public static string DirectoryName(string session, DateTimeOffset started, int pid) =>
        $"{session}-{started.UtcDateTime.ToString(StartFormat, CultureInfo.InvariantCulture)}-{pid.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Creates the directory of a new recording (and the folders above it, each 0700 when made here).</summary>
    /// <exception cref="IOException">It cannot be made, or exists already.</exception>
    /// <exception cref="UnauthorizedAccessException">Not allowed.</exception>
    public string Create(string session, DateTimeOffset started, int pid)
    {
        string directory = System.IO.Path.Combine(Path, DirectoryName(session, started, pid));
        string? state = System.IO.Path.GetDirectoryName(Path);
        if (state is not null && !System.IO.Directory.Exists(state))
        {
            System.IO.Directory.CreateDirectory(state, Private);
        }

        System.IO.Directory.CreateDirectory(Path, Private);
        if (System.IO.Directory.Exists(directory))
        {
            throw new IOException($"{directory} exists already");
        }

        System.IO.Directory.CreateDirectory(directory, Private);
        return directory;
    }

    /// <summary>Every recording in the folder, oldest first (by their start, then name); none when it does not exist.</summary>
    public IReadOnlyList<RecordingEntry> List()
    {
        List<RecordingEntry> all = [];
        try
        {
            foreach (string directory in System.IO.Directory.EnumerateDirectories(Path))
            {
                if (RecordingEntry.Parse(directory) is { } entry)
                {
                    all.Add(entry);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return all;
        }

        return [.. all.OrderBy(e => e.Started).ThenBy(e => e.Directory, StringComparer.Ordinal)];
    }

    /// <summary>The newest recording of session <paramref name="session"/>, or null.</summary>
    public RecordingEntry? Newest(string session) => List().LastOrDefault(e => e.Session == session);

    /// <summary>
    /// Deletes the oldest recordings of sessions that ended (their server's pid is not alive) until all of
    /// them take at most <paramref name="allBytes"/>; <paramref name="except"/> (the caller's own) is
    /// counted, never deleted. The directories deleted. A server whose pid was reused by another process
    /// looks alive: its recording is kept, the safe way. Two servers pruning at once may race on one
    /// directory: what is already gone is passed over.
    /// </summary>
    public IReadOnlyList<string> Prune(long allBytes, string? except, Func<int, bool>? alive = null)
    {
        alive ??= static pid => System.IO.Directory.Exists("/proc/" + pid.ToString(CultureInfo.InvariantCulture));
        IReadOnlyList<RecordingEntry> all = List();
        long total = all.Sum(e => e.Bytes());
        List<string> deleted = [];
        foreach (RecordingEntry entry in all)
        {
            if (total <= allBytes)
            {
                break;
            }

            if (entry.Directory == except || alive(entry.ServerPid))
            {
                continue;
            }

            long bytes = entry.Bytes();
            try
            {
                System.IO.Directory.Delete(entry.Directory, recursive: true);
                deleted.Add(entry.Directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // gone already, or not ours to delete: counted as it was
            }

            total -= bytes;
        }

        return deleted;
    }
}
