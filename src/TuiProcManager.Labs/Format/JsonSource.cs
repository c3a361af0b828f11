using System.Text.Json;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Text;

namespace TuiProcManager.Labs.Format;

/// <summary>
/// One JSON file being read: its name for messages, its parsed document and where each value is. Turns
/// a problem at a path into a <see cref="LabFormatException"/> with the line and column.
/// </summary>
internal sealed class JsonSource : IDisposable
{
    /// <summary>Largest file read, in bytes: a lab or texts file is a few kilobytes.</summary>
    public const int MaxBytes = 1024 * 1024;

    private readonly JsonDocument _document;
    private readonly JsonPositions _positions;

    private JsonSource(string name, JsonDocument document, JsonPositions positions)
    {
        Name = name;
        _document = document;
        _positions = positions;
    }

    /// <summary>The file as it is named in messages.</summary>
    public string Name { get; }

    /// <summary>The whole document.</summary>
    public JsonCursor Root => new(_document.RootElement, "", this);

    /// <summary>Reads (through <paramref name="files"/>: a regular file of at most <see cref="MaxBytes"/>) and parses <paramref name="path"/>, named <paramref name="name"/> in messages.</summary>
    /// <exception cref="LabFormatException">It does not exist, is not a regular file, cannot be read, is too large, or is not JSON.</exception>
    public static JsonSource Open(IRegularFileReader files, string path, string name)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (files.Read(path, MaxBytes, out string? problem) is not { } bytes)
        {
            throw new LabFormatException(name, 0, 0, problem ?? "does not exist");
        }

        return Parse(bytes, name);
    }

    /// <summary>Parses <paramref name="utf8"/>, named <paramref name="name"/> in messages.</summary>
    /// <exception cref="LabFormatException">It is not JSON.</exception>
    public static JsonSource Parse(ReadOnlyMemory<byte> utf8, string name)
    {
        ReadOnlyMemory<byte> text = utf8.Span.StartsWith("\uFEFF"u8) ? utf8[3..] : utf8;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 32 });
        }
        catch (JsonException e)
        {
            int line = (int)(e.LineNumber ?? 0) + 1;
            int column = (int)(e.BytePositionInLine ?? 0) + 1;
            throw new LabFormatException(name, line, column, "not valid JSON: " + Plain(e.Message));
        }

        return new JsonSource(name, document, JsonPositions.Read(text.Span));
    }

    /// <summary>A problem at <paramref name="path"/>.</summary>
    public LabFormatException Error(string path, string problem) => Error(path, path, problem);

    /// <summary>A problem found at <paramref name="at"/> (its line and column), said of <paramref name="of"/> (its path).</summary>
    public LabFormatException Error(string at, string of, string problem)
    {
        (int line, int column) = _positions.Of(at);
        return new LabFormatException(Name, line, column, of.Length == 0 ? problem : $"{of}: {problem}");
    }

    /// <summary>Where <paramref name="path"/> is: its line and column, (0, 0) if unknown.</summary>
    public (int Line, int Column) PositionOf(string path) => _positions.Of(path);

    public void Dispose() => _document.Dispose();

    /// <summary>System.Text.Json's message without its own position suffix (" LineNumber: 2 | BytePositionInLine: 4.").</summary>
    private static string Plain(string message)
    {
        int at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        string text = (at > 0 ? message[..at] : message).Trim().TrimEnd('.');
        return InputText.Shorten(text, 160);
    }
}
