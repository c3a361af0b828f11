using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Pooling;

/// <summary>
/// Parses <c>KIND:ITEMS</c>, where ITEMS is a comma-separated list of integers and ranges <c>A..B</c>
/// (both ends included): <c>square:1..20</c>, <c>cube:2,3,5</c>, <c>square:1..3,10</c>.
/// </summary>
/// <remarks>Every error is one line that names the problem and the text that caused it.</remarks>
public static class MapSpecParser
{
    /// <summary>Most inputs one spec may expand to.</summary>
    public const int MaxInputs = 100_000;

    /// <summary>Parses one spec; at most <paramref name="maxInputs"/> inputs.</summary>
    public static bool TryParse(
        string text,
        int maxInputs,
        [NotNullWhen(true)] out MapSpec? spec,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        spec = null;
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        string kindText = colon < 0 ? "" : text[..colon].Trim().ToLowerInvariant();
        if (colon < 0 || kindText is not ("square" or "cube"))
        {
            // The single-N parser words these errors already.
            _ = WorkerSpecParser.TryParse(text, Workload.Instant, out _, out error);
            error ??= $"invalid worker spec '{Shorten(text)}'";
            return false;
        }

        WorkerKind kind = kindText == "square" ? WorkerKind.Square : WorkerKind.Cube;
        string items = text[(colon + 1)..].Trim();
        if (items.Length == 0)
        {
            error = $"invalid worker spec '{Shorten(text)}': missing N after ':' (an integer, a list such as 2,3,5, or a range such as 1..20)";
            return false;
        }

        List<string> inputs = [];
        foreach (string raw in items.Split(','))
        {
            string item = raw.Trim();
            if (item.Length == 0)
            {
                error = $"invalid worker spec '{Shorten(text)}': empty item in the list";
                return false;
            }

            int dots = item.IndexOf("..", StringComparison.Ordinal);
            if (dots < 0)
            {
                if (!WorkerSpecParser.TryParseNumber(item, out string? n, out string? numberError))
                {
                    error = $"invalid worker spec '{Shorten(text)}': {numberError}";
                    return false;
                }

                inputs.Add(n);
            }
            else if (!TryAddRange(item, item[..dots].Trim(), item[(dots + 2)..].Trim(), maxInputs, inputs, out string? rangeError))
            {
                error = $"invalid worker spec '{Shorten(text)}': {rangeError}";
                return false;
            }

            if (inputs.Count > maxInputs)
            {
                error = $"invalid worker spec '{Shorten(text)}': more than {maxInputs.ToString("N0", CultureInfo.InvariantCulture)} inputs";
                return false;
            }
        }

        spec = new MapSpec(kind, [.. inputs]);
        error = null;
        return true;
    }

    private static bool TryAddRange(string item, string from, string to, int maxInputs, List<string> inputs, [NotNullWhen(false)] out string? error)
    {
        if (from.Length == 0 || to.Length == 0)
        {
            error = $"range '{Shorten(item)}' needs both ends, e.g. 1..20";
            return false;
        }

        if (!IsSmallInteger(from, out BigInteger a) || !IsSmallInteger(to, out BigInteger b))
        {
            error = $"range '{Shorten(item)}' must have integer ends (at most 30 digits), e.g. 1..20";
            return false;
        }

        if (a > b)
        {
            error = $"range '{Shorten(item)}' is reversed ({a} > {b}): write {b}..{a}";
            return false;
        }

        BigInteger count = b - a + 1;
        if (count > maxInputs - inputs.Count)
        {
            error = $"range '{Shorten(item)}' has {count.ToString("N0", CultureInfo.InvariantCulture)} inputs; at most {maxInputs.ToString("N0", CultureInfo.InvariantCulture)} are accepted";
            return false;
        }

        for (BigInteger n = a; n <= b; n++)
        {
            inputs.Add(n.ToString(CultureInfo.InvariantCulture));
        }

        error = null;
        return true;
    }

    private static bool IsSmallInteger(string text, out BigInteger value)
    {
        value = default;
        return text.Length <= 31
            && WorkerSpecParser.TryParseNumber(text, out string? canonical, out _)
            && BigInteger.TryParse(canonical, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    private static string Shorten(string text) => WorkerSpecParser.Shorten(text);
}
