using System.Text.Json;

namespace TuiProcManager.Labs.Format;

/// <summary>
/// A value in a <see cref="JsonSource"/> and its path: reads members with the checks every field needs
/// (present, of the right type, not empty, no unknown neighbours) and says what is wrong, where, in words
/// a teacher writing a texts file understands. <see cref="Member"/> and <see cref="Each"/> only find their
/// way, for a value whose shape is already checked (a lab file, by its schema).
/// </summary>
internal readonly record struct JsonCursor(JsonElement Element, string Path, JsonSource Source)
{
    /// <summary>A problem with this value.</summary>
    public LabFormatException Error(string problem) => Source.Error(Path, problem);

    /// <summary>This value as an object whose members are all among <paramref name="allowed"/>.</summary>
    public JsonCursor Object(string what, params string[] allowed)
    {
        if (Element.ValueKind != JsonValueKind.Object)
        {
            throw Error($"{what} must be an object {{…}}, got {Kind(Element)}");
        }

        HashSet<string> seen = new(StringComparer.Ordinal);
        foreach (JsonProperty member in Element.EnumerateObject())
        {
            string path = JsonPositions.Child(Path, member.Name);
            if (!seen.Add(member.Name))
            {
                throw Source.Error(path, Path, $"\"{member.Name}\" is given twice");
            }

            if (Array.IndexOf(allowed, member.Name) < 0)
            {
                throw Source.Error(path, Path, $"unknown field \"{Core.Text.InputText.Shorten(member.Name)}\" in {what} (expected {string.Join(", ", allowed)})");
            }
        }

        return this;
    }

    /// <summary>The member <paramref name="name"/>, or null when it is absent.</summary>
    public JsonCursor? Member(string name) =>
        Element.ValueKind == JsonValueKind.Object && Element.TryGetProperty(name, out JsonElement value)
            ? new JsonCursor(value, JsonPositions.Child(Path, name), Source)
            : null;

    /// <summary>The member <paramref name="name"/>; its absence is an error that says what it is for.</summary>
    public JsonCursor Required(string name, string what) =>
        Member(name) ?? throw Error($"missing \"{name}\" ({what})");

    /// <summary>This value as a non-empty string of at most <paramref name="maxLength"/> characters.</summary>
    public string String(int maxLength = 2000)
    {
        if (Element.ValueKind != JsonValueKind.String)
        {
            throw Error($"must be a string, got {Kind(Element)}");
        }

        string text = Element.GetString()!;
        if (string.IsNullOrWhiteSpace(text))
        {
            throw Error("must not be empty");
        }

        return text.Length <= maxLength ? text : throw Error($"is {text.Length:N0} characters long; at most {maxLength:N0}");
    }

    /// <summary>Text: a string, or an array of strings (paragraphs, joined with blank lines).</summary>
    public string Text(int maxLength = 4000)
    {
        if (Element.ValueKind == JsonValueKind.Array)
        {
            List<string> parts = [.. Items().Select(item => item.String(maxLength))];
            string joined = string.Join("\n", parts);
            return parts.Count == 0 ? throw Error("must not be an empty list")
                : joined.Length <= maxLength ? joined : throw Error($"is {joined.Length:N0} characters long; at most {maxLength:N0}");
        }

        return Element.ValueKind == JsonValueKind.String ? String(maxLength) : throw Error($"must be a string or a list of strings, got {Kind(Element)}");
    }

    /// <summary>This value's items; it must be an array of at most <paramref name="max"/>.</summary>
    public IEnumerable<JsonCursor> Items(int max = 200)
    {
        if (Element.ValueKind != JsonValueKind.Array)
        {
            throw Error($"must be a list [...], got {Kind(Element)}");
        }

        int count = Element.GetArrayLength();
        if (count > max)
        {
            throw Error($"has {count:N0} items; at most {max:N0}");
        }

        return Each();
    }

    /// <summary>This array's items, unchecked: for a value whose shape is already known (a lab file's, checked by its schema).</summary>
    public IEnumerable<JsonCursor> Each()
    {
        JsonSource source = Source;
        string path = Path;
        return Element.EnumerateArray().Select((item, i) => new JsonCursor(item, JsonPositions.Item(path, i), source)).ToList();
    }

    /// <summary>What kind of JSON value <paramref name="element"/> is, in words.</summary>
    public static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
