using System.Text.Json;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Text;
using TuiProcManager.Labs.Sessions;

namespace TuiProcManager.Headless;

/// <summary>
/// Reads back a JSON Lines file written by <c>--events</c> (<see cref="EventLogWriter"/>), one line at a
/// time: supervisor events, and a lab's answers and hints. Lines of a type this version does not know
/// are skipped and counted (a newer tuiproc may write more); a line that is not JSON, or not the shape
/// its type says, stops the reading with <c>file:line: problem</c>.
/// </summary>
/// <remarks>
/// One exception: a writer killed mid-line (SIGKILL, a full disk) leaves a last line that no newline
/// ends and whose JSON is cut short, and a crash may leave NUL bytes at the end. That tail is not an
/// error: everything before it is read, the tail is dropped, and <see cref="LastLineCut"/> says so. A
/// last line without a newline that is complete JSON is read as any other line; a bad line that a
/// newline ends is an error wherever it is.
/// </remarks>
internal sealed class EventFileReader
{
    private static readonly HashSet<string> EventTypes = [.. EventJson.Types.Select(t => t.Name)];

    /// <summary>Lines skipped because their type is unknown here.</summary>
    public int Skipped { get; private set; }

    /// <summary>Events read (supervisor events and lab records).</summary>
    public int Read { get; private set; }

    /// <summary>The last line was cut short (its writer stopped mid-line) and was dropped; known once <see cref="Items"/> has been read to the end.</summary>
    public bool LastLineCut { get; private set; }

    /// <summary>The file's items in order: <see cref="SupervisorEvent"/>s and <see cref="LabRecord"/>s.</summary>
    /// <exception cref="InvalidDataException">A line is not an event (the message names the file and line).</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public IEnumerable<object> Items(string path, string shownAs)
    {
        using StreamReader reader = new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan));
        int number = 0;
        foreach ((string text, bool ended) in TextLines.Read(reader))
        {
            number++;
            string line = ended ? text : text.TrimEnd('\0');
            if (!ended && IsCut(line, dropped: line.Length < text.Length))
            {
                LastLineCut = true;
                yield break;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            object? item = Parse(line, shownAs, number);
            if (item is null)
            {
                Skipped++;
                continue;
            }

            Read++;
            yield return item;
        }
    }

    /// <summary>
    /// Whether the last piece of a file, one that no newline ended, is what a writer stopped mid-line leaves:
    /// JSON cut short, or nothing but the NUL bytes <paramref name="dropped"/> from its end.
    /// </summary>
    private static bool IsCut(string tail, bool dropped)
    {
        if (string.IsNullOrWhiteSpace(tail))
        {
            return dropped;
        }

        try
        {
            using JsonDocument complete = JsonDocument.Parse(tail);
            return false;
        }
        catch (JsonException)
        {
            return true;
        }
    }

    private static object? Parse(string line, string file, int number)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(line);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("type", out JsonElement type)
                || type.ValueKind != JsonValueKind.String)
            {
                throw new InvalidDataException($"{file}:{number}: not an event: each line of an --events file is an object with a \"type\"");
            }

            string name = type.GetString()!;
            return name switch
            {
                "labAnswer" or "labHint" => LabRecordOf(document.RootElement, name),
                _ when EventTypes.Contains(name) => document.RootElement.Deserialize(EventJson.Event),
                _ => null,
            };
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException or NotSupportedException)
        {
            throw new InvalidDataException($"{file}:{number}: not an event ({InputText.Shorten(e.Message.ReplaceLineEndings(" "), 120)})", e);
        }
    }

    private static LabRecord LabRecordOf(JsonElement e, string type) => new(
        type == "labAnswer" ? LabRecordKind.Answer : LabRecordKind.Hint,
        e.GetProperty("time").GetDateTimeOffset(),
        e.GetProperty("lab").GetString() ?? "",
        e.GetProperty("step").GetString() ?? "",
        e.TryGetProperty("answer", out JsonElement answer) ? answer.GetString() : null);
}
