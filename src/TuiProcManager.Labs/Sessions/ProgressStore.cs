using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace TuiProcManager.Labs.Sessions;

/// <summary>
/// Saves each lab's progress for the user, in <c>$XDG_STATE_HOME/tuiproc/labs/</c> (or
/// <c>~/.local/state/tuiproc/labs/</c>): one file per lab, readable by the user only, replaced atomically,
/// so that a lab resumes where it was left.
/// </summary>
/// <remarks>
/// A saved file that cannot be used is never silently overwritten: it is moved aside (<c>.broken</c>) and
/// the problem is said, so nothing the student did is lost.
/// </remarks>
public sealed class ProgressStore
{
    private const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode PrivateDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>A store in <paramref name="directory"/>; null when there is nowhere to save (no home).</summary>
    public ProgressStore(string? directory) => Directory = directory;

    /// <summary>Where the files go; null when there is nowhere.</summary>
    public string? Directory { get; }

    /// <summary>The user's: <c>$XDG_STATE_HOME/tuiproc/labs</c>, else <c>~/.local/state/tuiproc/labs</c>; null without a home.</summary>
    public static ProgressStore ForUser()
    {
        string? xdg = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
        string? home = Environment.GetEnvironmentVariable("HOME");
        string? state = !string.IsNullOrEmpty(xdg) ? xdg : !string.IsNullOrEmpty(home) ? Path.Combine(home, ".local", "state") : null;
        return new ProgressStore(state is null ? null : Path.Combine(state, "tuiproc", "labs"));
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

    /// <summary>The saved progress of <paramref name="key"/>, or null (none yet, or unusable: then <paramref name="problem"/> says so in one line).</summary>
    public LabProgress? Load(string key, out string? problem)
    {
        problem = null;
        if (PathOf(key) is not { } path || !File.Exists(path))
        {
            return null;
        }

        try
        {
            LabProgress? progress = JsonSerializer.Deserialize<LabProgress>(File.ReadAllText(path), Json);
            if (progress is { Format: LabProgress.CurrentFormat, Lab: not null, Steps: not null })
            {
                return progress;
            }

            problem = SetAside(path, $"is not {LabProgress.CurrentFormat} progress");
        }
        catch (JsonException e)
        {
            problem = SetAside(path, $"is not valid (line {(e.LineNumber ?? 0) + 1})");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = $"progress file {path} cannot be read ({e.Message}); the lab starts over";
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

        try
        {
            System.IO.Directory.CreateDirectory(dir, PrivateDirectory);
            string temporary = path + ".tmp";
            using (FileStream file = new(temporary, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = PrivateFile }))
            {
                File.SetUnixFileMode(file.SafeFileHandle, PrivateFile); // a leftover .tmp keeps its old mode through Create
                JsonSerializer.Serialize(file, progress, Json);
            }

            File.Move(temporary, path, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot save lab progress to {path}: {e.Message}";
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
            return $"cannot remove {path}: {e.Message}";
        }
    }

    private static string SetAside(string path, string why)
    {
        string aside = path + ".broken";
        try
        {
            File.Move(path, aside, overwrite: true);
            return $"progress file {path} {why}; it was kept as {aside} and the lab starts over";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"progress file {path} {why}, and could not be moved aside ({e.Message})";
        }
    }
}
