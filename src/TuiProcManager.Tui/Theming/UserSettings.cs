using System.Text.Json;

namespace TuiProcManager.Tui.Theming;

/// <summary>What tuiproc remembers between runs, in <c>$XDG_CONFIG_HOME/tuiproc/settings.json</c> (or <c>~/.config/…</c>).</summary>
/// <param name="Theme">The theme last chosen with <c>t</c> or <c>--theme</c>.</param>
internal sealed record UserSettings(string? Theme)
{
    /// <summary>tuiproc's config directory; null when there is no home to put it in.</summary>
    public static string? ConfigDirectory
    {
        get
        {
            string? xdg = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME");
            string? home = Environment.GetEnvironmentVariable("HOME");
            string? baseDir = !string.IsNullOrEmpty(xdg) ? xdg : !string.IsNullOrEmpty(home) ? Path.Combine(home, ".config") : null;
            return baseDir is null ? null : Path.Combine(baseDir, "tuiproc");
        }
    }

    /// <summary>Where users put their own theme files.</summary>
    public static string? UserThemesDirectory => ConfigDirectory is { } dir ? Path.Combine(dir, "themes") : null;

    private static string? FilePath => ConfigDirectory is { } dir ? Path.Combine(dir, "settings.json") : null;

    /// <summary>The saved settings; empty ones when there are none or they cannot be read (a settings file never stops the app).</summary>
    public static UserSettings Load() => Load(out _);

    /// <summary>
    /// The saved settings, or empty ones with <paramref name="problem"/> saying in one line, naming the
    /// file, why they could not be used (unreadable, not JSON, not the expected object): the app then starts
    /// with the defaults and says so. No file at all is no problem.
    /// </summary>
    public static UserSettings Load(out string? problem)
    {
        problem = null;
        UserSettings none = new((string?)null);
        if (FilePath is not { } path || (!Path.Exists(path) && new FileInfo(path).LinkTarget is null))
        {
            return none;
        }

        string text;
        try
        {
            text = Directory.Exists(path) ? throw new IOException("it is a directory") : File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problem = Problem(path, "cannot be read: " + e.Message);
            return none;
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = Problem(path, $"is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object like {{\"theme\": \"Tuiproc Light\"}}");
                return none;
            }
        }
        catch (JsonException e)
        {
            problem = Problem(path, $"is not valid JSON (line {(e.LineNumber ?? 0) + 1})");
            return none;
        }

        try
        {
            return JsonSerializer.Deserialize<UserSettings>(text, JsonOptions) ?? none;
        }
        catch (JsonException e)
        {
            problem = Problem(path, $"has a value of the wrong type ({e.Path ?? "$"}): \"theme\" must be a string");
            return none;
        }
    }

    private static string Problem(string path, string what) =>
        $"settings file {path} {what.ReplaceLineEndings(" ")}; using the defaults";

    /// <summary>Saves, readable by the user only, replacing the file atomically. Returns a one-line problem, or null.</summary>
    public string? Save()
    {
        if (ConfigDirectory is not { } dir || FilePath is not { } path)
        {
            return "no home directory to save settings in";
        }

        try
        {
            // Created for the user only; a directory that already exists keeps the mode its owner gave it.
            Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            string temporary = path + ".tmp";
            using (FileStream file = new(temporary, new FileStreamOptions
            {
                Mode = FileMode.Create,
                Access = FileAccess.Write,
                UnixCreateMode = PrivateMode,
            }))
            {
                // A temporary file left by an earlier run keeps its mode through FileMode.Create (say 0644),
                // and would pass it on to settings.json with the rename: set it on the handle first.
                File.SetUnixFileMode(file.SafeFileHandle, PrivateMode);
                JsonSerializer.Serialize(file, this, JsonOptions);
            }

            File.Move(temporary, path, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot save settings to {path}: {e.Message}";
        }
    }

    private const UnixFileMode PrivateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };
}
