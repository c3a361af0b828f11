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
    public static UserSettings Load()
    {
        try
        {
            return FilePath is { } path && File.Exists(path)
                ? JsonSerializer.Deserialize<UserSettings>(File.ReadAllText(path), JsonOptions) ?? new UserSettings((string?)null)
                : new UserSettings((string?)null);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            return new UserSettings((string?)null);
        }
    }

    /// <summary>Saves, readable by the user only, replacing the file atomically. Returns a one-line problem, or null.</summary>
    public string? Save()
    {
        if (ConfigDirectory is not { } dir || FilePath is not { } path)
        {
            return "no home directory to save settings in";
        }

        try
        {
            Directory.CreateDirectory(dir);
            string temporary = path + ".tmp";
            using (FileStream file = new(temporary, new FileStreamOptions
            {
                Mode = FileMode.Create,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }))
            {
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

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };
}
