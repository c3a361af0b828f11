using System.Text;
using System.Text.Json;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Tests.TestSupport;

namespace TuiProcManager.Labs.Tests.Format;

/// <summary>
/// labs/lab.schema.json is the one statement of a lab file's shape, and the schema itself is what refuses a
/// file of the wrong shape (<see cref="LabSchema"/>, called here without the reader): each class of broken
/// rule gives one line in tuiproc's words, with the file, line and column.
/// </summary>
public sealed class LabSchemaTests
{
    /// <summary>A lab around one step; <c>STEP</c> is replaced by the step, which starts on line 8, column 5.</summary>
    private const string Frame = """
        {
          "format": "tuiproc-lab/1",
          "id": "7",
          "name": "mine",
          "title": "A lab",
          "summary": "One line",
          "steps": [
            STEP
          ]
        }
        """;

    private const string Ok = """{ "id": "a", "title": "T", "text": "x", "check": { "spawned": {} } }""";

    /// <summary>(class of broken rule, file text, the whole message).</summary>
    public static TheoryData<string, string, string> Refused => new()
    {
        { "a missing required member", WithStep("""{ "title": "T", "text": "x", "check": { "spawned": {} } }"""), "bad.json:8:5: steps[0]: missing \"id\" (unique in the lab, e.g. \"spawn-square\")" },
        { "a missing member the words of a check ask for", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "mode": { "slots": 2 } } }"""), "bad.json:8:56: steps[0].check.mode: missing \"mode\" (parallel or pause-on-wait)" },
        { "a wrong type", WithStep("""{ "id": "a", "title": "T", "text": "x", "hints": [1], "check": { "spawned": {} } }"""), "bad.json:8:55: steps[0].hints[0]: must be a string, got a number" },
        { "a wrong type, in the rule's own words", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": "spawned" }"""), "bad.json:8:45: steps[0].check: a check must be an object with one member naming it, e.g. {\"spawned\": {\"kind\": \"square\"}}; got a string" },
        { "an unknown member of the lab (as the app's own test has it)", "{\n  \"format\": \"tuiproc-lab/1\",\n  \"id\": \"x\",\n  \"nme\": \"y\"\n}\n", "bad.json:4:3: unknown field \"nme\" in the lab (expected $schema, format, id, name, title, summary, shared_with, steps)" },
        { "an unknown member of a check", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "spawned": { "knd": "square" } } }"""), "bad.json:8:69: steps[0].check.spawned: unknown field \"knd\" (expected kind, n, minSteps, minWorkMs, minWaitMs, maxWaitMs, count)" },
        { "a number out of range", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "coresBusy": { "percent": 150 } } }"""), "bad.json:8:71: steps[0].check.coresBusy.percent: must be a whole number from 1 to 100, got 150" },
        { "a number that is not whole", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "tookTurns": { "atLeast": 2.5 } } }"""), "bad.json:8:71: steps[0].check.tookTurns.atLeast: must be a whole number from 1 to 10,000, got 2.5" },
        { "a word that is not one of the choices", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "spawned": { "kind": "hexagon" } } }"""), "bad.json:8:69: steps[0].check.spawned.kind: must be one of square, cube, command, pool, got \"hexagon\"" },
        { "a constant", Frame.Replace("tuiproc-lab/1", "tuiproc-lab/2", StringComparison.Ordinal).Replace("STEP", Ok, StringComparison.Ordinal), "bad.json:2:3: format: this tuiproc reads \"tuiproc-lab/1\", not \"tuiproc-lab/2\"" },
        { "a pattern", Frame.Replace("\"7\"", "\"Lab 7\"", StringComparison.Ordinal).Replace("STEP", Ok, StringComparison.Ordinal), "bad.json:3:3: id: \"Lab 7\" is not a valid id: lowercase letters, digits and '-', starting with a letter or digit, at most 40" },
        { "a string too long", Frame.Replace("\"A lab\"", "\"" + new string('a', 101) + "\"", StringComparison.Ordinal).Replace("STEP", Ok, StringComparison.Ordinal), "bad.json:5:3: title: is 101 characters long; at most 100" },
        { "a list too short", Frame.Replace("[\n    STEP\n  ]", "[]", StringComparison.Ordinal), "bad.json:7:3: steps: a lab needs at least one step" },
        { "one of two members needed", WithStep("""{ "id": "a", "title": "T", "text": "x" }"""), "bad.json:8:5: steps[0]: a step needs a \"check\" (what makes it done) or a \"question\"" },
        { "two members that exclude each other", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "spawned": {} }, "question": { "answers": ["1"] } }"""), "bad.json:8:5: steps[0]: a step has a \"check\" or a \"question\", not both" },
        { "a member that needs another", WithStep("""{ "id": "a", "title": "T", "text": "x", "question": { "answer": "0" } }"""), "bad.json:8:45: steps[0].question: \"answer\" and \"answerFrom\" go with \"choices\"; a typed question lists its right answers in \"answers\"" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Check_ABrokenRule_IsRefusedByTheSchema_InOneLineWithItsLineAndColumn(string @class, string text, string message)
    {
        LabFormatException e = Assert.Throws<LabFormatException>(() => Check(text));
        Assert.True(message == e.Message, $"{@class}: {e.Message}");
    }

    [Fact]
    public void Check_EveryShippedLab_Passes()
    {
        IReadOnlyList<string> files = ShippedLabs.Folder.List("*.lab.json");
        Assert.Equal(5, files.Count);
        Assert.All(files, file => Check(ShippedLabs.Text(file[ShippedLabs.PathOf("").Length..])));
    }

    [Fact]
    public void Check_OfTwoWrongValues_TheFirstInTheFileIsTold()
    {
        string text = WithStep("""{ "id": "a", "title": "T", "text": "x", "hints": [1], "check": { "spawned": {} } }""").Replace("\"A lab\"", "\" \"", StringComparison.Ordinal);
        Assert.Equal("bad.json:5:3: title: must not be empty", Assert.Throws<LabFormatException>(() => Check(text)).Message);
    }

    [Fact]
    public void Check_AMisspeltMember_IsToldAsUnknown_NotAsMissing_ThoughMissingComesFirstInTheFile()
    {
        string text = WithStep(Ok).Replace("\"title\": \"A lab\"", "\"titel\": \"A lab\"", StringComparison.Ordinal);
        Assert.StartsWith("bad.json:5:3: unknown field \"titel\" in the lab", Assert.Throws<LabFormatException>(() => Check(text)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_AValueOfTheWrongType_IsToldSo_BeforeTheOtherRulesItBreaks()
    {
        string text = Frame.Replace("\"tuiproc-lab/1\"", "1", StringComparison.Ordinal).Replace("STEP", Ok, StringComparison.Ordinal);
        Assert.Equal("bad.json:2:3: format: must be a string, got a number", Assert.Throws<LabFormatException>(() => Check(text)).Message);
    }

    /// <summary>
    /// Every rule in the schema that <see cref="SchemaWords"/> makes no words for says its own in
    /// <c>x-messages</c>, and no words there belong to a rule the object does not have (a misspelt keyword).
    /// </summary>
    [Fact]
    public void Schema_EveryRuleWithoutWordsMadeForIt_HasItsOwn_AndNoWordsNameAnAbsentRule()
    {
        HashSet<string> worded = ["type", "enum", "minimum", "maximum", "maxLength", "minItems", "maxItems", "required", "additionalProperties"];
        HashSet<string> structure = ["$schema", "$id", "$ref", "$defs", "title", "description", "properties", "items", "dependentSchemas", "x-messages"];
        List<string> lacking = [];
        VisitSchemas(LabSchema.Text, "#", (rule, at) =>
        {
            JsonElement own = rule.TryGetProperty("x-messages", out JsonElement messages) ? messages : default;
            bool Says(string keyword) => own.ValueKind == JsonValueKind.Object && own.TryGetProperty(keyword, out _);
            lacking.AddRange(rule.EnumerateObject().Select(m => m.Name).Where(k => !worded.Contains(k) && !structure.Contains(k) && !Says(k)).Select(k => $"{at}: {k} has no words"));
            if (own.ValueKind == JsonValueKind.Object)
            {
                lacking.AddRange(own.EnumerateObject().Where(m => !rule.TryGetProperty(m.Name, out _)).Select(m => $"{at}: words for an absent {m.Name}"));
            }
        });
        Assert.Empty(lacking);
    }

    [Fact]
    public void Schema_AllowsExactlyTheChecksTheReaderReads()
    {
        IEnumerable<string> allowed = LabSchema.Text.GetProperty("$defs").GetProperty("check").GetProperty("properties").EnumerateObject().Select(p => p.Name);
        Assert.Equal(CheckReader.Names.Order(StringComparer.Ordinal), allowed.Order(StringComparer.Ordinal));
    }

    private static void Check(string text)
    {
        using JsonSource source = JsonSource.Parse(Encoding.UTF8.GetBytes(text), "bad.json");
        LabSchema.Check(source);
    }

    private static string WithStep(string step) => Frame.Replace("STEP", step, StringComparison.Ordinal);

    /// <summary>Every schema object in <paramref name="schema"/>: the root, definitions, members' and items' schemas, branches.</summary>
    private static void VisitSchemas(JsonElement schema, string at, Action<JsonElement, string> visit)
    {
        if (schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        visit(schema, at);
        foreach (JsonProperty member in schema.EnumerateObject())
        {
            string here = at + "/" + member.Name;
            switch (member.Name)
            {
                case "$defs" or "properties" or "dependentSchemas":
                    foreach (JsonProperty named in member.Value.EnumerateObject())
                    {
                        VisitSchemas(named.Value, here + "/" + named.Name, visit);
                    }

                    break;
                case "items" or "not":
                    VisitSchemas(member.Value, here, visit);
                    break;
                case "anyOf" or "oneOf" or "allOf":
                    int i = 0;
                    foreach (JsonElement branch in member.Value.EnumerateArray())
                    {
                        VisitSchemas(branch, $"{here}/{i++}", visit);
                    }

                    break;
            }
        }
    }
}
