using System.Text.Json;
using System.Text.Json.Nodes;
using Terminal.Gui.Configuration;
using TuiProcManager.Core.Os;

namespace TuiProcManager.Tui.Theming;

/// <summary>
/// The themes a user can pick: tuiproc's own (built into the binary, each replaceable by a file of the same
/// name in themes/ beside the app, which may add others) and the user's (themes/ in their config
/// directory), in Terminal.Gui 2.5.0's nested JSON format, loaded into Terminal.Gui's configuration.
/// </summary>
/// <remarks>
/// <para>
/// A file that is unreadable, not JSON, in the old (pre-2.5) flat or array shape, or without a "Themes"
/// object is skipped and reported as a <see cref="ThemeProblem"/> naming the file; Terminal.Gui itself
/// would skip an old-shape file silently. The rest still load, and the app starts with the default.
/// </para>
/// <para>
/// Terminal.Gui's configuration is process-wide (static): load once, before any view is built (border
/// styles are read in constructors).
/// </para>
/// </remarks>
internal sealed class ThemeCatalog
{
    /// <summary>The theme used when none is chosen or the chosen one is missing.</summary>
    public const string DefaultTheme = "Tuiproc Dark";

    /// <summary>The theme for NO_COLOR: no colour at all, states told by glyphs, words and text styles.</summary>
    public const string NoColorTheme = "Tuiproc Mono";

    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private ThemeCatalog(IReadOnlyList<string> names, IReadOnlyList<ThemeProblem> problems)
    {
        Names = names;
        Problems = problems;
    }

    /// <summary>The loaded themes, tuiproc's first, in the order <c>t</c> cycles through them.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Files that could not be used.</summary>
    public IReadOnlyList<ThemeProblem> Problems { get; }

    /// <summary>Finds a loaded theme by name, ignoring case.</summary>
    public string? Find(string name) => Names.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Largest theme file read: a theme of every scheme Terminal.Gui has is some 10 KiB.</summary>
    public const int MaxBytes = 1024 * 1024;

    /// <summary>
    /// Loads every *.json of the given folders (missing folders are fine) into Terminal.Gui's configuration,
    /// read through <paramref name="files"/>: a theme file must be a regular file of at most <see cref="MaxBytes"/>.
    /// </summary>
    public static ThemeCatalog Load(IRegularFileReader files, params string?[] folders) =>
        Load(files, folders.SelectMany(ThemeFilesIn));

    /// <summary>
    /// Loads tuiproc's themes (<paramref name="shipped"/>: the built-in ones, each replaced by a file of the same
    /// name in themes/ beside the app, with that folder's others), then the user's (*.json in
    /// <paramref name="userFolder"/>): a theme of the same name in a later file replaces an earlier one.
    /// </summary>
    /// <param name="shipped">tuiproc's themes.</param>
    /// <param name="userFolder">The user's themes folder, or null.</param>
    /// <param name="initialTheme">The theme the UI starts with, made current by the same configuration pass
    /// (when it is among the loaded themes): <see cref="Apply"/> of it is then free. Terminal.Gui 2.5.0's
    /// configuration re-sorts every key of every theme for each of its lookups, so a load followed by a
    /// switch of theme took about a fifth of an attach's CPU on top of the load.</param>
    public static ThemeCatalog Load(ShippedFolder shipped, string? userFolder, string? initialTheme = null)
    {
        ArgumentNullException.ThrowIfNull(shipped);
        return Load(shipped.Files, shipped.List("*.json").Concat(ThemeFilesIn(userFolder)), initialTheme);
    }

    /// <summary>
    /// The names <see cref="Load(ShippedFolder, string?, string?)"/> would offer, and the files it could not
    /// use, read from the files alone: Terminal.Gui's configuration is left as it is (checking <c>--theme</c>
    /// before the UI starts need not pay for a configuration pass the UI then makes again).
    /// </summary>
    public static IReadOnlyList<string> ReadNames(ShippedFolder shipped, string? userFolder, out IReadOnlyList<ThemeProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(shipped);
        (_, List<string> names, List<ThemeProblem> found) = Read(shipped.Files, shipped.List("*.json").Concat(ThemeFilesIn(userFolder)));
        problems = found;
        return names;
    }

    /// <summary>*.json in <paramref name="folder"/>, directories too: one named like a theme file is reported, not silently passed over.</summary>
    private static IEnumerable<string> ThemeFilesIn(string? folder) => folder is not null && Directory.Exists(folder)
        ? Directory.EnumerateFileSystemEntries(folder, "*.json").Order(StringComparer.Ordinal)
        : [];

    private static ThemeCatalog Load(IRegularFileReader files, IEnumerable<string> themeFiles, string? initialTheme = null)
    {
        (JsonObject merged, List<string> names, List<ThemeProblem> problems) = Read(files, themeFiles);
        if (initialTheme is not null && names.FirstOrDefault(n => string.Equals(n, initialTheme, StringComparison.OrdinalIgnoreCase)) is { } initial)
        {
            merged["Theme"] = initial; // read by ApplyToStaticFacades, which then applies that theme's overlays and schemes
        }

        TuiConfigurationBuilder.Shared.RuntimeConfig = merged.ToJsonString();
        TuiConfigurationBuilder.Shared.ApplyToStaticFacades();
        HashSet<string> known = [.. ThemeManager.GetThemeNames()];
        return new ThemeCatalog([.. names.Where(known.Contains)], problems);
    }

    /// <summary>Every theme of <paramref name="themeFiles"/>, a later file's replacing an earlier one of the same name.</summary>
    private static (JsonObject Merged, List<string> Names, List<ThemeProblem> Problems) Read(IRegularFileReader files, IEnumerable<string> themeFiles)
    {
        ArgumentNullException.ThrowIfNull(files);
        JsonObject merged = new();
        List<string> names = [];
        List<ThemeProblem> problems = [];
        foreach (string file in themeFiles)
        {
            if (TryRead(files, file, out JsonObject? themes, out string? problem))
            {
                foreach ((string name, JsonNode? theme) in themes)
                {
                    names.Remove(name); // a later file (the user's) replaces an earlier one of the same name
                    names.Add(name);
                    ((JsonObject)(merged["Themes"] ??= new JsonObject()))[name] = theme?.DeepClone();
                }
            }
            else
            {
                problems.Add(new ThemeProblem(file, problem));
            }
        }

        return (merged, names, problems);
    }

    /// <summary>Makes <paramref name="name"/> the current theme. Unknown names are refused.</summary>
    public bool Apply(string name)
    {
        if (Find(name) is not { } found)
        {
            return false;
        }

        ThemeManager.Theme = found;
        return true;
    }

    /// <summary>The theme after <paramref name="current"/> in <see cref="Names"/>, wrapping around.</summary>
    public string Next(string current)
    {
        int i = Names.ToList().FindIndex(n => string.Equals(n, current, StringComparison.OrdinalIgnoreCase));
        return Names.Count == 0 ? current : Names[(i + 1) % Names.Count];
    }

    /// <summary>What is not an object where an object must be: a theme, its "Schemes", a scheme.</summary>
    private static string? WrongShape(JsonObject themes)
    {
        foreach ((string name, JsonNode? theme) in themes)
        {
            if (theme is not JsonObject body)
            {
                return $"has theme '{name}' that is not an object: {{ \"Schemes\": {{ ... }} }}";
            }

            if (body["Schemes"] is { } schemes && (schemes is not JsonObject list || list.Any(s => s.Value is not JsonObject)))
            {
                return $"has theme '{name}' whose \"Schemes\" is not an object of schemes: {{ \"Base\": {{ \"Normal\": {{ ... }} }} }}";
            }
        }

        return null;
    }

    private static bool TryRead(IRegularFileReader files, string file, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JsonObject? themes, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        themes = null;
        if (files.Read(file, MaxBytes, out string? unusable) is not { } bytes)
        {
            problem = "is " + (unusable ?? "gone (removed while it was being read)");
            return false;
        }

        string text = System.Text.Encoding.UTF8.GetString(bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes);
        try
        {
            if (TuiConfigurationExtensions.IsLegacyConfigShape(text))
            {
                problem = "is in the old Terminal.Gui format (flat keys or arrays); 2.5 themes are nested objects: { \"Themes\": { \"Name\": { \"Schemes\": { ... } } } }";
                return false;
            }

            if (JsonNode.Parse(text, null, ReadOptions) is not JsonObject root || root["Themes"] is not JsonObject found || found.Count == 0)
            {
                problem = "has no \"Themes\" object with at least one theme";
                return false;
            }

            if (WrongShape(found) is { } wrong)
            {
                problem = wrong;
                return false;
            }

            themes = found;
            problem = null;
            return true;
        }
        catch (JsonException e)
        {
            problem = $"is not valid JSON (line {(e.LineNumber ?? 0) + 1}): {e.Message.Split(" Path:")[0].Split(" LineNumber:")[0]}";
            return false;
        }
    }
}
