using System.Globalization;
using System.Text.Json;
using Json.Schema;

namespace TuiProcManager.Labs.Format;

/// <summary>
/// The rules a file breaks, read from JsonSchema.Net's hierarchical results: which keyword, which schema
/// object holds it, and where in the file.
/// </summary>
/// <remarks>
/// <para>
/// What the results of JsonSchema.Net 8.0.5 look like, and what this relies on: a node per subschema applied
/// to a value, valid or not; a broken keyword is an entry of its node's <c>Errors</c>, except that an
/// <c>anyOf</c>, <c>oneOf</c> or <c>not</c> that fails reports nothing of its own (its branches are child
/// nodes, at the node's evaluation path plus <c>/anyOf/0</c> or <c>/not</c>), and a member refused by
/// <c>"additionalProperties": false</c> is a child node at the member, at the parent's path plus
/// <c>/additionalProperties</c>. So combinators are judged here from their branches (a branch that failed
/// inside an <c>anyOf</c> that holds is no failure), and their branches are never reported one by one.
/// </para>
/// <para>
/// A node's schema location is right for the objects <c>$ref</c> and <c>properties</c> lead to, but one
/// applied through <c>items</c> or <c>not</c> carries one stray segment at its end; so the rule is the
/// deepest object on the location's path that holds the keyword.
/// </para>
/// </remarks>
internal static class SchemaFailures
{
    private static readonly string[] Combinators = ["anyOf", "oneOf", "not"];

    /// <summary>The failures in <paramref name="results"/>, from checking <paramref name="instance"/> against <paramref name="schema"/>.</summary>
    public static List<SchemaFailure> Of(EvaluationResults results, JsonElement schema, JsonElement instance)
    {
        List<SchemaFailure> found = [];
        Collect(results, null, schema, instance, found);
        return found;
    }

    private static void Collect(EvaluationResults node, EvaluationResults? parent, JsonElement schema, JsonElement instance, List<SchemaFailure> found)
    {
        if (node.IsValid)
        {
            return;
        }

        string evaluated = node.EvaluationPath.ToString();
        if (parent is not null && evaluated == parent.EvaluationPath.ToString() + "/additionalProperties")
        {
            (JsonElement owner, string of) = Locate(instance, parent.InstanceLocation.ToString());
            (_, string at) = Locate(instance, node.InstanceLocation.ToString());
            string member = Unescape(node.InstanceLocation.ToString().Split('/')[^1]);
            found.Add(new SchemaFailure("additionalProperties", Rule(schema, parent.SchemaLocation, "additionalProperties"), owner, of, at, member));
            return;
        }

        (JsonElement value, string path) = Locate(instance, node.InstanceLocation.ToString());
        foreach (string keyword in node.Errors?.Keys ?? Enumerable.Empty<string>())
        {
            found.Add(new SchemaFailure(keyword, Rule(schema, node.SchemaLocation, keyword), value, path, path));
        }

        IReadOnlyList<EvaluationResults> details = node.Details ?? [];
        foreach (string combinator in Combinators)
        {
            List<EvaluationResults> branches = [.. details.Where(d => BranchOf(d, evaluated) == combinator)];
            int held = branches.Count(b => b.IsValid);
            bool failed = combinator switch
            {
                "anyOf" => held == 0,
                "oneOf" => held != 1,
                _ => held == 1,
            };
            if (branches.Count > 0 && failed)
            {
                found.Add(new SchemaFailure(combinator, Rule(schema, node.SchemaLocation, combinator), value, path, path));
            }
        }

        foreach (EvaluationResults child in details.Where(d => BranchOf(d, evaluated) is null))
        {
            Collect(child, node, schema, instance, found);
        }
    }

    /// <summary>The combinator whose branch <paramref name="child"/> is (its path is the parent's plus <c>/anyOf/N</c>, <c>/oneOf/N</c> or <c>/not</c>); otherwise null.</summary>
    private static string? BranchOf(EvaluationResults child, string parentPath)
    {
        string path = child.EvaluationPath.ToString();
        if (!path.StartsWith(parentPath + "/", StringComparison.Ordinal))
        {
            return null;
        }

        string[] rest = path[(parentPath.Length + 1)..].Split('/');
        return rest switch
        {
            ["not"] => "not",
            [("anyOf" or "oneOf") and var name, var index] when int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out _) => name,
            _ => null,
        };
    }

    /// <summary>The schema object at <paramref name="location"/>'s fragment, or the deepest on its way, that holds <paramref name="keyword"/>.</summary>
    private static JsonElement Rule(JsonElement schema, Uri location, string keyword)
    {
        List<JsonElement> walked = [schema];
        foreach (string segment in Segments(Uri.UnescapeDataString(location.Fragment.TrimStart('#'))))
        {
            JsonElement at = walked[^1];
            if (at.ValueKind == JsonValueKind.Object && at.TryGetProperty(segment, out JsonElement next))
            {
                walked.Add(next);
            }
            else if (at.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < at.GetArrayLength())
            {
                walked.Add(at[i]);
            }
            else
            {
                break;
            }
        }

        return walked.LastOrDefault(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty(keyword, out _), walked[^1]);
    }

    /// <summary>The value at JSON Pointer <paramref name="pointer"/> in <paramref name="root"/>, and its path as messages write it (<c>steps[0].check</c>).</summary>
    private static (JsonElement Value, string Path) Locate(JsonElement root, string pointer)
    {
        JsonElement value = root;
        string path = "";
        foreach (string segment in Segments(pointer))
        {
            if (value.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out int i) && i < value.GetArrayLength())
            {
                (value, path) = (value[i], JsonPositions.Item(path, i));
            }
            else if (value.ValueKind == JsonValueKind.Object && value.TryGetProperty(segment, out JsonElement member))
            {
                (value, path) = (member, JsonPositions.Child(path, segment));
            }
            else
            {
                break;
            }
        }

        return (value, path);
    }

    /// <summary>A JSON Pointer's reference tokens, unescaped (<c>~1</c> is '/', <c>~0</c> is '~').</summary>
    private static IEnumerable<string> Segments(string pointer) =>
        pointer.Length == 0 ? [] : pointer.Split('/').Skip(1).Select(Unescape);

    private static string Unescape(string token) => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
}
