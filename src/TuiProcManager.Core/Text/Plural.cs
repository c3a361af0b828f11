using System.Globalization;

namespace TuiProcManager.Core.Text;

/// <summary>A count and its noun, in agreement: <c>1 line</c>, <c>2 lines</c>, <c>1,000 workers</c>.</summary>
public static class Plural
{
    /// <summary><paramref name="n"/> (thousands separated) and the noun: <paramref name="one"/> for 1, else <paramref name="many"/> (<paramref name="one"/> + "s" by default).</summary>
    public static string Of(long n, string one, string? many = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:N0} {Noun(n, one, many)}");

    /// <summary>The noun alone: <paramref name="one"/> for 1, else <paramref name="many"/> (<paramref name="one"/> + "s" by default).</summary>
    public static string Noun(long n, string one, string? many = null)
    {
        ArgumentNullException.ThrowIfNull(one);
        return n == 1 ? one : many ?? one + "s";
    }

    /// <summary>
    /// The singular of <paramref name="word"/> when it is one of the count nouns texts put after a number
    /// (<c>cores</c>, <c>workers</c>, <c>processes</c>…), else null. For texts with placeholders, where
    /// <c>{cores} cores</c> must read <c>1 core</c> on a machine with one.
    /// </summary>
    public static string? Singular(string word) => word switch
    {
        "cores" or "workers" or "inputs" or "results" or "slots" or "lines" or "steps" or "hints" or "seconds"
            or "times" or "events" or "answers" or "runs" or "pools" or "characters" or "bytes" or "children"
            or "processes" or "CPUs" or "milliseconds" => word switch
            {
                "processes" => "process",
                "children" => "child",
                _ => word[..^1],
            },
        _ => null,
    };
}
