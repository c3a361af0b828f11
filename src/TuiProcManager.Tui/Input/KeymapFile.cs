using System.Text.Json;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Text;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Input;

/// <summary>
/// The user's keys, in <c>$XDG_CONFIG_HOME/tuiproc/keys.json</c> (or <c>~/.config/…</c>): a JSON object
/// (comments and trailing commas allowed) from action names to a key or a list of keys,
/// <c>{ "pause-resume": "z", "help": ["?", "F2"] }</c>. The rules are <see cref="KeyTable"/>'s.
/// </summary>
internal static class KeymapFile
{
    /// <summary>Largest keys file read: every action with a few keys is about 2 KiB.</summary>
    public const int MaxBytes = 64 * 1024;

    /// <summary>Where the keys file is; null when there is no home to put it in.</summary>
    public static string? FilePath => UserSettings.ConfigDirectory is { } dir ? Path.Combine(dir, "keys.json") : null;

    /// <summary>
    /// The keys: the defaults with the file's applied. No file is no problem. Each problem is one line
    /// naming the file: one that cannot be used at all (not a regular file, larger than
    /// <see cref="MaxBytes"/>, unreadable, not JSON, not an object) leaves the defaults; an entry that
    /// cannot be used is skipped and the rest applied.
    /// </summary>
    public static KeyTable Load(IRegularFileReader files, out IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(files);
        problems = [];
        if (FilePath is not { } path)
        {
            return KeyTable.Defaults;
        }

        if (files.Read(path, MaxBytes, out string? unusable) is not { } bytes)
        {
            problems = unusable is null ? [] : [Problem(path, unusable + "; using the default keys")];
            return KeyTable.Defaults;
        }

        List<string> found = [];
        KeyTable table = Read(bytes, found);
        problems = [.. found.Select(p => Problem(path, p))];
        return table;
    }

    /// <summary>The keys <paramref name="bytes"/> give (UTF-8, a BOM allowed); <paramref name="problems"/> gets each problem, without the file's name.</summary>
    internal static KeyTable Read(byte[] bytes, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(problems);
        ReadOnlySpan<byte> text = bytes.AsSpan().StartsWith("\uFEFF"u8) ? bytes.AsSpan(3) : bytes;
        List<UserBinding> bindings = [];
        try
        {
            using JsonDocument document = JsonDocument.Parse(text.ToArray(), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problems.Add($"a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object like {{\"pause-resume\": \"z\"}}; using the default keys");
                return KeyTable.Defaults;
            }

            foreach (JsonProperty entry in document.RootElement.EnumerateObject())
            {
                if (KeysOf(entry.Value) is { } keys)
                {
                    bindings.Add(new UserBinding(Quoted(entry.Name), keys));
                }
                else
                {
                    problems.Add($"\"{Quoted(entry.Name)}\" must be a key or a list of keys, like \"z\" or [\"z\", \"F5\"], not a JSON {entry.Value.ValueKind.ToString().ToLowerInvariant()}");
                }
            }
        }
        catch (JsonException e)
        {
            problems.Add($"not valid JSON (line {(e.LineNumber ?? 0) + 1}); using the default keys");
            return KeyTable.Defaults;
        }

        return KeyTable.Build(bindings, problems);
    }

    /// <summary>The keys of one entry: a string, or an array of strings; null for anything else.</summary>
    private static List<string>? KeysOf(JsonElement value)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            return [Quoted(value.GetString()!)];
        }

        if (value.ValueKind != JsonValueKind.Array || value.EnumerateArray().Any(k => k.ValueKind != JsonValueKind.String))
        {
            return null;
        }

        return [.. value.EnumerateArray().Select(k => Quoted(k.GetString()!))];
    }

    /// <summary>What the user wrote, safe to quote in one line of the header (no control characters, not too long).</summary>
    private static string Quoted(string text) => TerminalText.Sanitize(InputText.Shorten(text, 40));

    private static string Problem(string path, string what) => $"keys file {path}: {what.ReplaceLineEndings(" ")}";
}
