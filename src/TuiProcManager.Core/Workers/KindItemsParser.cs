using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace TuiProcManager.Core.Workers;

/// <summary>
/// The one parser of the square and cube work people type: <c>KIND:ITEMS</c>, as in <c>square:10</c>,
/// <c>cube:2,3,5</c>, <c>square:1..3,10</c>.
/// </summary>
/// <remarks>
/// <code>
/// SPEC  = KIND ':' ITEMS      KIND is square or cube, in any case
/// ITEMS = ITEM (',' ITEM)*
/// ITEM  = N | END '..' END    a range includes both ends
/// N     = [+|-] DIGIT+        ASCII digits only, at most MaxDigits of them
/// END   = N                   at most MaxRangeEndDigits digits
/// </code>
/// Blanks around KIND, ITEMS and each ITEM are ignored. A single N is one case of ITEMS (<c>square:7</c>
/// maps over one input); <see cref="TryParseOne"/> is the grammar where ITEMS must be exactly one N, for a
/// spec that starts one worker. Every error is one line that names the problem and quotes the text that
/// caused it; the wording is in <see cref="KindItemsErrors"/>.
/// </remarks>
public static class KindItemsParser
{
    /// <summary>
    /// Longest accepted N, in digits. Linux refuses a single exec argument of 128 KiB or more
    /// (MAX_ARG_STRLEN); the worker (<c>tuiproc-worker</c>) applies the same limit.
    /// </summary>
    public const int MaxDigits = 120_000;

    /// <summary>Longest end of a range, in digits: a range is counted out input by input, so its ends stay small.</summary>
    public const int MaxRangeEndDigits = 30;

    /// <summary>Parses <c>KIND:N</c>: the grammar with ITEMS restricted to one N.</summary>
    /// <param name="text">The spec, e.g. <c>square:10</c>.</param>
    /// <param name="kind">Square or cube, when the text is valid.</param>
    /// <param name="number">N, canonical (see <see cref="TryParseNumber"/>), when the text is valid.</param>
    /// <param name="error">One line naming the problem, when it is not.</param>
    public static bool TryParseOne(
        string text,
        out WorkerKind kind,
        [NotNullWhen(true)] out string? number,
        [NotNullWhen(false)] out string? error)
    {
        number = null;
        if (!TrySplitKind(text, out kind, out string? items, out error))
        {
            return false;
        }

        if (!TryParseNumber(items, out number, out string? problem))
        {
            error = KindItemsErrors.InSpec(text, problem);
            return false;
        }

        return true;
    }

    /// <summary>Parses <c>KIND:ITEMS</c> into every input it names, in order; at most <paramref name="maxInputs"/> of them.</summary>
    /// <param name="text">The spec, e.g. <c>square:1..3,10</c>.</param>
    /// <param name="maxInputs">Most inputs the spec may name.</param>
    /// <param name="kind">Square or cube, when the text is valid.</param>
    /// <param name="inputs">Every N, canonical, when the text is valid.</param>
    /// <param name="error">One line naming the problem, when it is not.</param>
    public static bool TryParseMany(
        string text,
        int maxInputs,
        out WorkerKind kind,
        out ImmutableArray<string> inputs,
        [NotNullWhen(false)] out string? error)
    {
        inputs = default;
        if (!TrySplitKind(text, out kind, out string? items, out error))
        {
            return false;
        }

        if (!TryParseItems(items, maxInputs, out inputs, out string? problem))
        {
            error = KindItemsErrors.InSpec(text, problem);
            return false;
        }

        return true;
    }

    /// <summary>
    /// Parses ITEMS alone (what follows the ':'), for a form that asks for the kind in a field of its own.
    /// </summary>
    /// <param name="items">The items, e.g. <c>1..3,10</c>.</param>
    /// <param name="maxInputs">Most inputs the items may name.</param>
    /// <param name="inputs">Every N, canonical, in order, when the text is valid.</param>
    /// <param name="problem">One line naming the problem, without a spec around it, when it is not.</param>
    public static bool TryParseItems(
        string items,
        int maxInputs,
        out ImmutableArray<string> inputs,
        [NotNullWhen(false)] out string? problem)
    {
        ArgumentNullException.ThrowIfNull(items);
        inputs = default;
        items = items.Trim();
        if (items.Length == 0)
        {
            problem = KindItemsErrors.MissingItems;
            return false;
        }

        List<string> found = [];
        foreach (string raw in items.Split(','))
        {
            string item = raw.Trim();
            if (item.Length == 0)
            {
                problem = KindItemsErrors.EmptyItem;
                return false;
            }

            int dots = item.IndexOf("..", StringComparison.Ordinal);
            if (dots < 0)
            {
                if (!TryParseNumber(item, out string? n, out problem))
                {
                    return false;
                }

                found.Add(n);
            }
            else if (!TryAddRange(item, item[..dots].Trim(), item[(dots + 2)..].Trim(), maxInputs, found, out problem))
            {
                return false;
            }

            if (found.Count > maxInputs)
            {
                problem = KindItemsErrors.TooManyInputs(maxInputs);
                return false;
            }
        }

        inputs = [.. found];
        problem = null;
        return true;
    }

    /// <summary>Reads KIND alone: square or cube, in any case, blanks around it ignored.</summary>
    /// <param name="text">The kind, e.g. <c>Square</c>, for a form that asks for it in a field of its own.</param>
    /// <param name="kind">Square or cube, when the text names one.</param>
    public static bool TryParseKind(string text, out WorkerKind kind)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (text.Trim().ToLowerInvariant())
        {
            case "square":
                kind = WorkerKind.Square;
                return true;
            case "cube":
                kind = WorkerKind.Cube;
                return true;
            default:
                kind = default;
                return false;
        }
    }

    /// <summary>
    /// Checks that <paramref name="text"/> is an integer of at most <see cref="MaxDigits"/> digits with an
    /// optional sign, and returns it without a plus sign or leading zeros ("0" for any zero).
    /// </summary>
    /// <param name="text">The number, without blanks around it.</param>
    /// <param name="canonical">The number, canonical, when the text is valid.</param>
    /// <param name="error">One line naming the problem, when it is not.</param>
    public static bool TryParseNumber(
        string text,
        [NotNullWhen(true)] out string? canonical,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        canonical = null;
        if (text.Length == 0)
        {
            error = KindItemsErrors.MissingNumber;
            return false;
        }

        ReadOnlySpan<char> digits = text;
        bool negative = false;
        if (digits[0] is '-' or '+')
        {
            negative = digits[0] == '-';
            digits = digits[1..];
        }

        if (digits.IsEmpty || digits.ContainsAnyExceptInRange('0', '9'))
        {
            error = KindItemsErrors.NotAnInteger(text);
            return false;
        }

        if (digits.Length > MaxDigits)
        {
            error = KindItemsErrors.TooManyDigits(digits.Length);
            return false;
        }

        digits = digits.TrimStart('0');
        canonical = digits.IsEmpty ? "0" : (negative ? "-" : "") + digits.ToString();
        error = null;
        return true;
    }

    /// <summary>Splits <c>KIND:ITEMS</c> at its first ':' and reads the kind; <paramref name="items"/> is the rest, trimmed.</summary>
    private static bool TrySplitKind(
        string text,
        out WorkerKind kind,
        [NotNullWhen(true)] out string? items,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        kind = default;
        items = null;
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            error = KindItemsErrors.NoColon(text);
            return false;
        }

        if (!TryParseKind(text[..colon], out kind))
        {
            string name = text[..colon].Trim().ToLowerInvariant();
            error = name.Length == 0 ? KindItemsErrors.MissingKind(text) : KindItemsErrors.UnknownKind(name, text);
            return false;
        }

        items = text[(colon + 1)..].Trim();
        error = null;
        return true;
    }

    private static bool TryAddRange(string item, string from, string to, int maxInputs, List<string> inputs, [NotNullWhen(false)] out string? problem)
    {
        if (from.Length == 0 || to.Length == 0)
        {
            problem = KindItemsErrors.RangeWithoutEnd(item);
            return false;
        }

        if (!TryParseRangeEnd(from, out BigInteger a) || !TryParseRangeEnd(to, out BigInteger b))
        {
            problem = KindItemsErrors.RangeEndsNotIntegers(item);
            return false;
        }

        if (a > b)
        {
            problem = KindItemsErrors.RangeReversed(item, a, b);
            return false;
        }

        BigInteger count = b - a + 1;
        if (count > maxInputs - inputs.Count)
        {
            problem = KindItemsErrors.RangeTooLarge(item, count, maxInputs);
            return false;
        }

        for (BigInteger n = a; n <= b; n++)
        {
            inputs.Add(n.ToString(CultureInfo.InvariantCulture));
        }

        problem = null;
        return true;
    }

    /// <summary>An N of at most <see cref="MaxRangeEndDigits"/> digits (leading zeros count: they were typed).</summary>
    private static bool TryParseRangeEnd(string text, out BigInteger value)
    {
        value = default;
        return text.Length - (text[0] is '-' or '+' ? 1 : 0) <= MaxRangeEndDigits
            && TryParseNumber(text, out string? canonical, out _)
            && BigInteger.TryParse(canonical, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }
}
