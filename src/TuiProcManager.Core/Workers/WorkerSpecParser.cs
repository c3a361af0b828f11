using System.Diagnostics.CodeAnalysis;

namespace TuiProcManager.Core.Workers;

/// <summary>Parses the worker specs people type: <c>square:10</c>, <c>cube:-3</c>.</summary>
/// <remarks>
/// The grammar, and every message, is <see cref="KindItemsParser"/>'s (<c>KIND:ITEMS</c> with ITEMS one N);
/// this class turns what it reads into a <see cref="WorkerSpec"/>.
/// </remarks>
public static class WorkerSpecParser
{
    /// <summary>Longest accepted N, in digits (<see cref="KindItemsParser.MaxDigits"/>).</summary>
    public const int MaxDigits = KindItemsParser.MaxDigits;

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
        ArgumentNullException.ThrowIfNull(workload);
        if (!KindItemsParser.TryParseOne(text, out WorkerKind kind, out string? number, out error))
        {
            spec = null;
            return false;
        }

        spec = kind == WorkerKind.Square ? WorkerSpec.Square(number, workload) : WorkerSpec.Cube(number, workload);
        return true;
    }

    /// <summary>
    /// Checks that <paramref name="text"/> is an N of a worker spec (<see cref="KindItemsParser.TryParseNumber"/>):
    /// an integer of at most <see cref="MaxDigits"/> digits with an optional sign, returned without a plus
    /// sign or leading zeros.
    /// </summary>
    public static bool TryParseNumber(
        string text,
        [NotNullWhen(true)] out string? canonical,
        [NotNullWhen(false)] out string? error) =>
        KindItemsParser.TryParseNumber(text, out canonical, out error);
}
