using System.Diagnostics.CodeAnalysis;
using TuiProcManager.Core.Text;

namespace TuiProcManager.Core.Workers;

/// <summary>Parses the worker specs people type: <c>square:10</c>, <c>cube:-3</c>.</summary>
/// <remarks>Every error is one line that names the problem and the text that caused it.</remarks>
public static class WorkerSpecParser
{
    /// <summary>
    /// Longest accepted N, in digits. Linux refuses a single exec argument of 128 KiB or more
    /// (MAX_ARG_STRLEN); the worker (<c>tuiproc-worker</c>) applies the same limit.
    /// </summary>
    public const int MaxDigits = 120_000;

    /// <summary>The kinds a spec may name, as typed.</summary>
    public static IReadOnlyList<string> KindNames { get; } = ["square", "cube"];

    /// <summary>Parses <c>KIND:N</c> into a spec with the given workload.</summary>
    /// <param name="text">The spec, e.g. <c>square:10</c>.</param>
    /// <param name="workload">Steps, work and wait for the worker.</param>
    /// <param name="spec">The spec, when the text is valid.</param>
    /// <param name="error">One line naming the problem, when it is not.</param>
    public static bool TryParse(
        string text,
        Workload workload,
        [NotNullWhen(true)] out WorkerSpec? spec,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(workload);
        spec = null;
        int colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            error = $"invalid worker spec '{Shorten(text)}': expected KIND:N, e.g. square:10 or cube:10";
            return false;
        }

        string kind = text[..colon].Trim().ToLowerInvariant();
        string number = text[(colon + 1)..].Trim();
        if (kind is not ("square" or "cube"))
        {
            error = kind.Length == 0
                ? $"invalid worker spec '{Shorten(text)}': missing kind before ':' (square or cube)"
                : $"unknown worker kind '{Shorten(kind)}' in '{Shorten(text)}' (expected square or cube)";
            return false;
        }

        if (!TryParseNumber(number, out string? canonical, out string? numberError))
        {
            error = $"invalid worker spec '{Shorten(text)}': {numberError}";
            return false;
        }

        spec = kind == "square" ? WorkerSpec.Square(canonical, workload) : WorkerSpec.Cube(canonical, workload);
        error = null;
        return true;
    }

    /// <summary>
    /// Checks that <paramref name="text"/> is an integer of at most <see cref="MaxDigits"/> digits with an
    /// optional sign, and returns it without a plus sign or leading zeros.
    /// </summary>
    public static bool TryParseNumber(
        string text,
        [NotNullWhen(true)] out string? canonical,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        canonical = null;
        if (text.Length == 0)
        {
            error = "missing N after ':' (an integer, e.g. 10)";
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
            error = $"N must be an integer, got '{Shorten(text)}'";
            return false;
        }

        if (digits.Length > MaxDigits)
        {
            error = $"N has {digits.Length} digits; at most {MaxDigits} are accepted";
            return false;
        }

        digits = digits.TrimStart('0');
        canonical = digits.IsEmpty ? "0" : (negative ? "-" : "") + digits.ToString();
        error = null;
        return true;
    }

    /// <summary>Keeps error messages one readable line, whatever was typed.</summary>
    internal static string Shorten(string text) => InputText.Shorten(text);
}
