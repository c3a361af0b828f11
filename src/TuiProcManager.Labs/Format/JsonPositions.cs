using System.Globalization;
using System.Text.Json;

namespace TuiProcManager.Labs.Format;

/// <summary>
/// Where each value of a JSON document starts, by path (<c>steps[2].check.spawned.kind</c>), so that a
/// problem found after parsing can name its line and column. System.Text.Json's <see cref="JsonElement"/>
/// keeps no positions; this reads the same bytes once more with <see cref="Utf8JsonReader"/>.
/// </summary>
/// <remarks>
/// A member's position is its name's (where a reader's eye goes: <c>"kind": 3</c>), an array item's is
/// the item's own. Columns count characters, not bytes, from 1.
/// </remarks>
internal sealed class JsonPositions
{
    private readonly Dictionary<string, (int Line, int Column)> _at = new(StringComparer.Ordinal);

    private JsonPositions()
    {
    }

    /// <summary>The positions in <paramref name="utf8"/>, which must be valid JSON (comments and trailing commas allowed).</summary>
    public static JsonPositions Read(ReadOnlySpan<byte> utf8)
    {
        JsonPositions positions = new();
        Utf8JsonReader reader = new(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        LineCounter lines = new();
        Stack<(string Path, bool IsArray, int Next)> open = new();
        string? member = null;
        while (reader.Read())
        {
            (int line, int column) = lines.At(utf8, (int)reader.TokenStartIndex);
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    member = Child(open.Peek().Path, reader.GetString() ?? "");
                    positions._at.TryAdd(member, (line, column));
                    break;
                case JsonTokenType.EndObject or JsonTokenType.EndArray:
                    open.Pop();
                    break;
                default:
                    string path = ValuePath(open, ref member);
                    positions._at.TryAdd(path, (line, column));
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                    {
                        open.Push((path, reader.TokenType == JsonTokenType.StartArray, 0));
                    }

                    break;
            }
        }

        return positions;
    }

    /// <summary>The line and column of <paramref name="path"/>, or of the nearest enclosing value that has one; (0, 0) if none.</summary>
    public (int Line, int Column) Of(string path)
    {
        for (string? p = path; p is not null; p = Parent(p))
        {
            if (_at.TryGetValue(p, out (int, int) at))
            {
                return at;
            }
        }

        return (0, 0);
    }

    /// <summary>The path of a member of <paramref name="parent"/>: <c>steps</c>, <c>steps[0].id</c>, <c>a["odd name"]</c>.</summary>
    public static string Child(string parent, string name)
    {
        bool plain = name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$');
        return plain ? (parent.Length == 0 ? name : parent + "." + name) : parent + "[\"" + JsonEncodedText.Encode(name).ToString() + "\"]";
    }

    /// <summary>The path of item <paramref name="index"/> of the array at <paramref name="parent"/>.</summary>
    public static string Item(string parent, int index) => parent + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    private static string ValuePath(Stack<(string Path, bool IsArray, int Next)> open, ref string? member)
    {
        if (open.Count == 0)
        {
            return "";
        }

        (string parent, bool isArray, int next) = open.Pop();
        open.Push((parent, isArray, isArray ? next + 1 : next));
        if (isArray)
        {
            return Item(parent, next);
        }

        string path = member ?? parent;
        member = null;
        return path;
    }

    private static string? Parent(string path)
    {
        if (path.Length == 0)
        {
            return null;
        }

        int dot = path.LastIndexOf('.');
        int bracket = path.LastIndexOf('[');
        int cut = Math.Max(dot, bracket);
        return cut <= 0 ? "" : path[..cut];
    }

    /// <summary>Turns byte offsets into lines and columns, reading forward only (tokens come in order).</summary>
    private sealed class LineCounter
    {
        private int _offset;
        private int _line = 1;
        private int _column = 1;

        public (int Line, int Column) At(ReadOnlySpan<byte> utf8, int offset)
        {
            for (; _offset < offset && _offset < utf8.Length; _offset++)
            {
                byte b = utf8[_offset];
                if (b == (byte)'\n')
                {
                    _line++;
                    _column = 1;
                }
                else if ((b & 0xC0) != 0x80)
                {
                    _column++; // a character's first byte (continuation bytes do not start one)
                }
            }

            return (_line, _column);
        }
    }
}
