using System.Text.Json;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Text;

namespace TuiProcManager.Tui.Theming;

/// <summary>What tuiproc remembers between runs, in <c>$XDG_CONFIG_HOME/tuiproc/settings.json</c> (or <c>~/.config/…</c>).</summary>
/// <param name="Theme">The theme last chosen with <c>t</c> or <c>--theme</c>.</param>
internal sealed record UserSettings(string? Theme)
{
    /// <summary>
    /// <c>"mouse": false</c> leaves the mouse to the terminal (its own selection, as <c>--no-mouse</c> does); true or
    /// absent: tuiproc takes clicks, the wheel and drags. Not written when absent.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public bool? Mouse { get; init; }

    /// <summary>The split output view: its layout, and its workers in the session they were chosen in (<see cref="SplitSettings"/>).</summary>
    public SplitSettings? OutputSplit { get; init; }

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

    /// <summary>Largest settings file read: it holds a theme's name, a few dozen bytes.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>
    /// The saved settings, or empty ones with <paramref name="problem"/> saying in one line, naming the
    /// file, why they could not be used (not a regular file, larger than <see cref="MaxBytes"/>, unreadable,
    /// not JSON, not the expected object): the app then starts with the defaults and says so. No file at
    /// all is no problem.
    /// </summary>
    public static UserSettings Load(IRegularFileReader files, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(files);
        problem = null;
        UserSettings none = new((string?)null);
        if (FilePath is not { } path)
        {
            return none;
        }

        if (files.Read(path, MaxBytes, out string? unusable) is not { } bytes)
        {
            problem = unusable is null ? null : Problem(path, unusable);
            return none;
        }

        string text = System.Text.Encoding.UTF8.GetString(bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes);
        try
        {
            using JsonDocument document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = Problem(path, $"a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object like {{\"theme\": \"Tuiproc Light\"}}");
                return none;
            }
        }
        catch (JsonException e)
        {
            problem = Problem(path, $"not valid JSON (line {(e.LineNumber ?? 0) + 1})");
            return none;
        }

        UserSettings settings;
        try
        {
            settings = JsonSerializer.Deserialize(text, TuiJsonContext.Default.UserSettings) ?? none;
        }
        catch (JsonException e)
        {
            string rule = e.Path switch
            {
                "$.mouse" => ": \"mouse\" must be true or false",
                "$.theme" or null or "$" => ": \"theme\" must be a string",
                _ => "",
            };
            problem = Problem(path, $"a value of the wrong type ({e.Path ?? "$"}){rule}");
            return none;
        }

        if (settings.OutputSplit?.Problem() is { } unusableSplit)
        {
            problem = $"settings file {path}: {unusableSplit}; the split starts empty";
            return settings with { OutputSplit = null };
        }

        return settings;
    }

    /// <summary>The problem of a saved theme that is not loaded (its file removed, or the name misspelt by hand), naming the file.</summary>
    public static string UnknownTheme(string name) =>
        Problem(FilePath ?? "settings.json", $"no theme is named '{TerminalText.Sanitize(InputText.Shorten(name, 60))}' (t picks one)");

    private static string Problem(string path, string what) =>
        $"settings file {path}: {what.ReplaceLineEndings(" ")}; using the defaults";

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

            // A leftover temporary (a run killed mid-save) is removed, not opened: it could be anything by
            // now, a FIFO that would block the open. CreateNew (O_EXCL) then makes a file of our own, 0600.
            File.Delete(temporary);
            using (FileStream file = new(temporary, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = PrivateMode,
            }))
            {
                JsonSerializer.Serialize(file, this, TuiJsonContext.Default.UserSettings);
            }

            File.Move(temporary, path, overwrite: true);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot save settings to {path}: {FileErrorText.Of(e)}";
        }
    }

    private const UnixFileMode PrivateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
}
