using System.Globalization;
using System.Text.Json;
using TuiProcManager.Core.Text;

namespace TuiProcManager.Labs.Format;

/// <summary>
/// A broken schema rule in words a teacher writing a lab file understands: the rule's own words from the
/// schema's <c>x-messages</c> when it has them (<c>"a lab needs at least one step"</c>), otherwise words
/// made from the rule's limits (<c>must be a whole number from 1 to 100, got 150</c>). No schema terms.
/// </summary>
/// <remarks>
/// Placeholders in either: <c>{value}</c> the value as written (a string quoted, a number as is, a list or
/// object by its kind), <c>{kind}</c> its kind (<c>a number</c>), <c>{name}</c> an unknown member's name,
/// quoted, and <c>{expected}</c> the members the object may have. Rules without words made for them here
/// (<c>const</c>, <c>pattern</c>, <c>anyOf</c>, <c>not</c>, …) need their own in the schema; a test checks that
/// they have them.
/// </remarks>
internal static class SchemaWords
{
    /// <summary>The problem <paramref name="failure"/> says, without its place; <paramref name="schema"/> is the whole schema (for the descriptions <c>$ref</c> leads to).</summary>
    public static string Of(SchemaFailure failure, JsonElement schema)
    {
        ArgumentNullException.ThrowIfNull(failure);
        string words = failure.Rule.TryGetProperty("x-messages", out JsonElement own) && own.TryGetProperty(failure.Keyword, out JsonElement text)
            ? text.GetString() ?? ""
            : Generic(failure, schema);
        return Placeholders.Fill(words, name => name switch
        {
            "value" => Shown(failure.Value),
            "kind" => JsonCursor.Kind(failure.Value),
            "name" => failure.Member is { } member ? $"\"{Core.Text.InputText.Shorten(member)}\"" : null,
            "expected" => string.Join(", ", Members(failure.Rule)),
            _ => null,
        });
    }

    private static string Generic(SchemaFailure failure, JsonElement schema)
    {
        JsonElement rule = failure.Rule;
        JsonElement value = failure.Value;
        return failure.Keyword switch
        {
            "type" => $"must be {Expected(rule)}, got {(value.ValueKind == JsonValueKind.Number && Types(rule).Contains("integer") ? value.GetRawText() : "{kind}")}",
            "enum" => $"must be one of {string.Join(", ", rule.GetProperty("enum").EnumerateArray().Select(Plain))}, got {{value}}",
            "minimum" or "maximum" => $"must be {Number(rule)}, got {{value}}",
            "maxLength" => $"is {N0(value.GetString()!.Length)} characters long; at most {N0(Limit(rule, "maxLength"))}",
            "minItems" when Limit(rule, "minItems") == 1 => "must not be an empty list",
            "minItems" => $"has {N0(value.GetArrayLength())} items; at least {N0(Limit(rule, "minItems"))}",
            "maxItems" => $"has {N0(value.GetArrayLength())} items; at most {N0(Limit(rule, "maxItems"))}",
            "required" => Missing(rule, value, schema),
            "additionalProperties" => "unknown field {name} (expected {expected})",
            _ => "is not allowed here",
        };
    }

    /// <summary>What the rule's <c>type</c> (and range) asks for: <c>a list [...]</c>, <c>a whole number from 1 to 100</c>.</summary>
    private static string Expected(JsonElement rule) => string.Join(" or ", Types(rule).Select(type => type switch
    {
        "object" => "an object {…}",
        "array" => "a list [...]",
        "string" => "a string",
        "boolean" => "true or false",
        "integer" or "number" => Number(rule),
        _ => type,
    }));

    /// <summary>The number the rule asks for, with its range: <c>a whole number from 1 to 100</c>.</summary>
    private static string Number(JsonElement rule) =>
        (Types(rule).Contains("integer") ? "a whole number" : "a number")
        + (rule.TryGetProperty("minimum", out JsonElement min) && rule.TryGetProperty("maximum", out JsonElement max)
            ? $" from {N0(min.GetDecimal())} to {N0(max.GetDecimal())}"
            : "");

    /// <summary>The first member <c>required</c> lists that <paramref name="value"/> lacks, with what it is for (its description).</summary>
    private static string Missing(JsonElement rule, JsonElement value, JsonElement schema)
    {
        string name = rule.GetProperty("required").EnumerateArray().Select(n => n.GetString()!).First(n => !value.TryGetProperty(n, out _));
        string? description = rule.TryGetProperty("properties", out JsonElement properties) && properties.TryGetProperty(name, out JsonElement member)
            ? Description(member, schema)
            : null;
        return description is null ? $"missing \"{name}\"" : $"missing \"{name}\" ({description})";
    }

    /// <summary>A member's description, or that of the definition its <c>$ref</c> names (<c>#/$defs/mode</c>).</summary>
    private static string? Description(JsonElement member, JsonElement schema)
    {
        if (member.TryGetProperty("description", out JsonElement description))
        {
            return description.GetString();
        }

        return member.TryGetProperty("$ref", out JsonElement reference) && reference.GetString() is { } target && target.StartsWith("#/$defs/", StringComparison.Ordinal)
            && schema.GetProperty("$defs").TryGetProperty(target["#/$defs/".Length..], out JsonElement definition)
            && definition.TryGetProperty("description", out JsonElement defined)
            ? defined.GetString()
            : null;
    }

    private static IEnumerable<string> Types(JsonElement rule) =>
        !rule.TryGetProperty("type", out JsonElement type) ? []
        : type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!)
        : [type.GetString()!];

    private static IEnumerable<string> Members(JsonElement rule) =>
        rule.TryGetProperty("properties", out JsonElement properties) ? properties.EnumerateObject().Select(p => p.Name) : [];

    private static decimal Limit(JsonElement rule, string keyword) => rule.GetProperty(keyword).GetDecimal();

    /// <summary>A value as a message quotes it: a string in quotes, shortened; a number or true/false as written; a list or object by its kind.</summary>
    private static string Shown(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"\"{Core.Text.InputText.Shorten(value.GetString()!)}\"",
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False or JsonValueKind.Null => Core.Text.InputText.Shorten(value.GetRawText()),
        _ => JsonCursor.Kind(value),
    };

    private static string Plain(JsonElement choice) => choice.ValueKind == JsonValueKind.String ? choice.GetString()! : choice.GetRawText();

    private static string N0(decimal n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
