using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using TuiProcManager.Core.Os;
using TuiProcManager.Tui.Input;

namespace TuiProcManager.Tui.Hosting;

/// <summary><c>tuiproc keys</c>'s text: every action with its keys (the user's where the keys file changed them), and a starter keys file.</summary>
public static class KeyListing
{
    /// <summary>Where the keys file is read from; null when there is no home directory.</summary>
    public static string? FilePath => KeymapFile.FilePath;

    /// <summary>
    /// The lines that list every action: its name, its keys (<c>*</c> before those the keys file changed),
    /// what it does; <paramref name="problems"/> gets the keys file's problems, one line each, naming the file.
    /// </summary>
    public static IReadOnlyList<string> Describe(IRegularFileReader files, out IReadOnlyList<string> problems)
    {
        KeyTable keys = KeymapFile.Load(files, out problems);
        string where = FilePath is not { } path ? "no keys file: there is no home directory"
            : Path.Exists(path) ? $"keys file: {path}"
            : $"keys file: {path} (there is none: these are the defaults; tuiproc keys --defaults prints one to start from)";
        List<string> lines = [where, ""];
        int nameWidth = KeyActions.All.Max(a => a.Name.Length);
        List<(KeyAction Action, string Keys)> rows = [.. KeyActions.All.Select(a => (a, Keys(keys, a)))];
        int keysWidth = rows.Max(r => r.Keys.Length);
        foreach ((KeyAction action, string shown) in rows)
        {
            string note = action.Fixed ? " (fixed)" : "";
            lines.Add($"  {action.Name.PadRight(nameWidth)}  {(keys.IsChanged(action.Action) ? "*" : " ")} {shown.PadRight(keysWidth)}  {action.Description}{note}");
        }

        lines.Add("");
        lines.Add("* changed by the keys file. Keys are written like z, P, ?, Ctrl+P, Alt+x, F5, Space; the README's 'Your own keys' has the rules.");
        return lines;
    }

    /// <summary>A keys file that gives every action that can be changed its default keys: JSON with a comment, to edit.</summary>
    public static string StarterFile()
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter json = new(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (KeyAction action in KeyActions.All.Where(a => !a.Fixed))
            {
                if (action.Defaults.Count == 1)
                {
                    json.WriteString(action.Name, action.Defaults[0]);
                    continue;
                }

                json.WriteStartArray(action.Name);
                foreach (string key in action.Defaults)
                {
                    json.WriteStringValue(key);
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return "// tuiproc's keys file: every action with its default keys. Keep the ones you change (an action you\n"
            + "// leave out keeps its defaults), and save it as " + (FilePath ?? "$XDG_CONFIG_HOME/tuiproc/keys.json") + ".\n"
            + Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>An action's keys as the keys file writes them, or (none).</summary>
    private static string Keys(KeyTable keys, KeyAction action) => keys.KeysOf(action.Action) is { Count: > 0 } names ? string.Join(", ", names) : "(none)";
}
