using System.Text.Json;

namespace TuiProcManager.Labs.Format;

/// <summary>
/// One rule of the lab schema that a file breaks: the rule's keyword, the schema object that holds it,
/// and the value in the file that breaks it, with its path.
/// </summary>
/// <param name="Keyword">The rule broken: <c>type</c>, <c>required</c>, <c>maximum</c>, <c>additionalProperties</c>, <c>anyOf</c>, …</param>
/// <param name="Rule">The schema object holding <paramref name="Keyword"/> (its limits, its <c>x-messages</c>).</param>
/// <param name="Value">The value that breaks it (for an unknown member: the object it is in).</param>
/// <param name="Of">The path of <paramref name="Value"/>, said before the problem (<c>steps[0].check</c>).</param>
/// <param name="At">The path whose line and column the message gives: <paramref name="Of"/>, or an unknown member's own.</param>
/// <param name="Member">The unknown member's name, for <c>additionalProperties</c>; otherwise null.</param>
internal sealed record SchemaFailure(string Keyword, JsonElement Rule, JsonElement Value, string Of, string At, string? Member = null)
{
    /// <summary>Rules that ask for something to be added; they name a place less exactly than those that refuse what is there.</summary>
    private static readonly HashSet<string> AskForMore = new(StringComparer.Ordinal) { "required", "anyOf", "oneOf", "minProperties" };

    /// <summary>
    /// Whether the rule asks for something to be added. Such a failure is told after those about what is in
    /// the file: a misspelt member is both unknown and missing, and "unknown" names the typo.
    /// </summary>
    public bool AsksForMore => AskForMore.Contains(Keyword);

    /// <summary>Whether the value is of the wrong type: told before the other rules of the same value ("must be a string" before "must be \"tuiproc-lab/1\"").</summary>
    public bool IsWrongType => Keyword == "type";
}
