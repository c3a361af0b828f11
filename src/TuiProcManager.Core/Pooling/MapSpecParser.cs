using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Pooling;

/// <summary>
/// Parses <c>KIND:ITEMS</c>, where ITEMS is a comma-separated list of integers and ranges <c>A..B</c>
/// (both ends included): <c>square:1..20</c>, <c>cube:2,3,5</c>, <c>square:1..3,10</c>, <c>square:7</c>.
/// </summary>
/// <remarks>
/// The grammar, and every message, is <see cref="KindItemsParser"/>'s; this class turns what it reads into
/// a <see cref="MapSpec"/>.
/// </remarks>
public static class MapSpecParser
{
    /// <summary>Most inputs one spec may expand to.</summary>
    public const int MaxInputs = 100_000;

    /// <summary>Parses one spec; at most <paramref name="maxInputs"/> inputs.</summary>
    /// <param name="text">The spec, e.g. <c>square:1..3,10</c>.</param>
    /// <param name="maxInputs">Most inputs the spec may name.</param>
    /// <param name="spec">The map, when the text is valid.</param>
    /// <param name="error">One line naming the problem and quoting the spec, when it is not.</param>
    public static bool TryParse(
        string text,
        int maxInputs,
        [NotNullWhen(true)] out MapSpec? spec,
        [NotNullWhen(false)] out string? error)
    {
        if (!KindItemsParser.TryParseMany(text, maxInputs, out WorkerKind kind, out ImmutableArray<string> inputs, out error))
        {
            spec = null;
            return false;
        }

        spec = new MapSpec(kind, inputs);
        return true;
    }

    /// <summary>
    /// Parses the ITEMS of a <paramref name="kind"/> given apart (a form's field); at most
    /// <paramref name="maxInputs"/> inputs.
    /// </summary>
    /// <param name="kind">Square or cube.</param>
    /// <param name="items">The items, e.g. <c>1..3,10</c>.</param>
    /// <param name="maxInputs">Most inputs the items may name.</param>
    /// <param name="spec">The map, when the items are valid.</param>
    /// <param name="problem">One line naming the problem (no spec is quoted: none was typed), when they are not.</param>
    public static bool TryParseItems(
        WorkerKind kind,
        string items,
        int maxInputs,
        [NotNullWhen(true)] out MapSpec? spec,
        [NotNullWhen(false)] out string? problem)
    {
        if (!KindItemsParser.TryParseItems(items, maxInputs, out ImmutableArray<string> inputs, out problem))
        {
            spec = null;
            return false;
        }

        spec = new MapSpec(kind, inputs);
        return true;
    }
}
