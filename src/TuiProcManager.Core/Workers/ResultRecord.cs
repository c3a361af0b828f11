using System.Diagnostics.CodeAnalysis;

namespace TuiProcManager.Core.Workers;

/// <summary>
/// One line a square or cube worker writes on its results pipe (fd 3, see <see cref="Os.OutputChannel.Results"/>):
/// <c>ok square 3 9</c> for a result, <c>err square 3 MESSAGE</c> for an input it could not compute.
/// </summary>
/// <remarks>
/// The worker (<c>tuiproc-worker</c>, which does not reference this assembly) writes exactly this format;
/// the worker's tests and <c>ResultRecordTests</c> pin both sides. Results travel on their own pipe, so a
/// line on stdout that looks like one (<c>Square: 100</c>, or this very format) is never taken for one.
/// </remarks>
/// <param name="Kind">Square or cube.</param>
/// <param name="Input">N, as the worker received it.</param>
/// <param name="Result">N² or N³; null when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why there is no result; null on success.</param>
public sealed record ResultRecord(WorkerKind Kind, string Input, string? Result, string? Error)
{
    /// <summary>Parses one line of the results pipe.</summary>
    /// <returns>False when the line is not a record (a worker that is not ours, or a cut line).</returns>
    public static bool TryParse(string line, [NotNullWhen(true)] out ResultRecord? record)
    {
        ArgumentNullException.ThrowIfNull(line);
        record = null;
        string[] parts = line.Split(' ', 4);
        if (parts.Length < 4 || parts[1] is not ("square" or "cube") || !WorkerSpecParser.TryParseNumber(parts[2], out _, out _))
        {
            return false;
        }

        WorkerKind kind = parts[1] == "square" ? WorkerKind.Square : WorkerKind.Cube;
        record = parts[0] switch
        {
            "ok" when WorkerSpecParser.TryParseNumber(parts[3], out _, out _) || IsLongInteger(parts[3]) => new ResultRecord(kind, parts[2], parts[3], null),
            "err" => new ResultRecord(kind, parts[2], null, parts[3]),
            _ => null,
        };
        return record is not null;
    }

    /// <summary>The line a worker writes for this record.</summary>
    public override string ToString() => Result is not null
        ? $"ok {KindName} {Input} {Result}"
        : $"err {KindName} {Input} {Error}";

    /// <summary>The lesson's line for it: <c>Square: 9</c>.</summary>
    public string LessonLine => Result is not null
        ? (Kind == WorkerKind.Square ? "Square: " : "Cube: ") + Result
        : $"{KindName}({Input}) failed: {Error}";

    private string KindName => Kind == WorkerKind.Square ? "square" : "cube";

    /// <summary>A result may have up to three times the digits of an input (a cube).</summary>
    private static bool IsLongInteger(string text)
    {
        ReadOnlySpan<char> digits = text.StartsWith('-') ? text.AsSpan(1) : text;
        return !digits.IsEmpty && !digits.ContainsAnyExceptInRange('0', '9');
    }
}
