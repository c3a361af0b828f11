using System.Text;
using TuiProcManager.Labs.Format;
using TuiProcManager.Linux.Files;

namespace TuiProcManager.Labs.Tests.Format;

/// <summary>
/// Every kind of broken lab file a teacher could write gets one line naming the file, the line (and
/// column), the field and the problem. Each case is a whole file; the line is where the eye should go.
/// </summary>
public sealed class MalformedLabTests
{
    /// <summary>A lab around one step; <c>STEP</c> is replaced by the step, which starts on line 8.</summary>
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

    private static string WithStep(string step) => Frame.Replace("STEP", step, StringComparison.Ordinal);

    private const string Ok = """{ "id": "a", "title": "T", "text": "x", "check": { "spawned": {} } }""";

    /// <summary>(case, file text, line of the problem, what the message says).</summary>
    public static TheoryData<string, string, int, string> Cases => new()
    {
        // The file as a whole.
        { "empty file", "", 1, "not valid JSON" },
        { "not JSON", "format: tuiproc-lab/1\n", 1, "not valid JSON" },
        { "cut short", "{\n  \"format\": \"tuiproc-lab/1\",\n  \"steps\": [\n", 4, "not valid JSON" },
        { "a list, not an object", "[1, 2]", 1, "the lab must be an object {…}, got a list" },
        { "missing format", "{\n  \"id\": \"7\"\n}", 1, "missing \"format\"" },
        { "a later format", Frame.Replace("tuiproc-lab/1", "tuiproc-lab/2", StringComparison.Ordinal).Replace("STEP", Ok, StringComparison.Ordinal), 2, "this tuiproc reads \"tuiproc-lab/1\", not \"tuiproc-lab/2\"" },
        { "format not a string", Frame.Replace("\"tuiproc-lab/1\"", "1", StringComparison.Ordinal).Replace("STEP", Ok, StringComparison.Ordinal), 2, "format: must be a string, got a number" },
        { "unknown field (a typo)", Frame.Replace("\"title\"", "\"titel\"", StringComparison.Ordinal).Replace("STEP", Ok, StringComparison.Ordinal), 5, "unknown field \"titel\" in the lab (expected $schema, format, id, name, title, summary, shared_with, steps)" },
        { "a field given twice", Frame.Replace("\"name\": \"mine\",", "\"name\": \"mine\", \"name\": \"again\",", StringComparison.Ordinal).Replace("STEP", Ok, StringComparison.Ordinal), 4, "\"name\" is given twice" },
        { "missing title", Frame.Replace("  \"title\": \"A lab\",\n", "", StringComparison.Ordinal).Replace("STEP", Ok, StringComparison.Ordinal), 1, "missing \"title\"" },
        { "empty title", Frame.Replace("\"A lab\"", "\"  \"", StringComparison.Ordinal).Replace("STEP", Ok, StringComparison.Ordinal), 5, "title: must not be empty" },
        { "id with spaces", Frame.Replace("\"id\": \"7\"", "\"id\": \"lab seven\"", StringComparison.Ordinal).Replace("STEP", Ok, StringComparison.Ordinal), 3, "\"lab seven\" is not a valid id" },
        { "steps not a list", Frame.Replace("[\n    STEP\n  ]", "{}", StringComparison.Ordinal), 7, "steps: must be a list [...], got an object" },
        { "no steps", Frame.Replace("[\n    STEP\n  ]", "[]", StringComparison.Ordinal), 7, "a lab needs at least one step" },
        { "shared with a shell word", Frame.Replace("\"name\": \"mine\",", "\"name\": \"mine\", \"shared_with\": [\"@staff; rm -rf\"],", StringComparison.Ordinal).Replace("STEP", Ok, StringComparison.Ordinal), 4, "\"@staff; rm -rf\" is not a user or @group" },

        // A step.
        { "step not an object", WithStep("\"spawn a worker\""), 8, "steps[0]: a step must be an object {…}, got a string" },
        { "step without id", WithStep("""{ "title": "T", "text": "x", "check": { "spawned": {} } }"""), 8, "steps[0]: missing \"id\"" },
        { "step without text", WithStep("""{ "id": "a", "title": "T", "check": { "spawned": {} } }"""), 8, "steps[0]: missing \"text\"" },
        { "text an empty list", WithStep("""{ "id": "a", "title": "T", "text": [], "check": { "spawned": {} } }"""), 8, "steps[0].text: must not be an empty list" },
        { "text a number", WithStep("""{ "id": "a", "title": "T", "text": 3, "check": { "spawned": {} } }"""), 8, "steps[0].text: must be a string or a list of strings, got a number" },
        { "unknown step field", WithStep("""{ "id": "a", "title": "T", "text": "x", "hint": "y", "check": { "spawned": {} } }"""), 8, "unknown field \"hint\" in a step (expected id, title, text, hints, check, question, done)" },
        { "hints not strings", WithStep("""{ "id": "a", "title": "T", "text": "x", "hints": [1], "check": { "spawned": {} } }"""), 8, "steps[0].hints[0]: must be a string, got a number" },
        { "neither check nor question", WithStep("""{ "id": "a", "title": "T", "text": "x" }"""), 8, "a step needs a \"check\" (what makes it done) or a \"question\"" },
        { "both check and question", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "spawned": {} }, "question": { "answers": ["1"] } }"""), 8, "a step has a \"check\" or a \"question\", not both" },
        { "duplicate step id", Frame.Replace("STEP", Ok + ",\n    " + Ok, StringComparison.Ordinal), 9, "step id \"a\" is used twice (first at line 8)" },

        // A check.
        { "unknown check", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "spawn": {} } }"""), 8, "steps[0].check: unknown check \"spawn\" (expected one of spawned, joined," },
        { "two checks in one", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "spawned": {}, "joined": {} } }"""), 8, "a check has exactly one member naming it" },
        { "check not an object", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": "spawned" }"""), 8, "steps[0].check: a check must be an object with one member naming it" },
        { "unknown check setting", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "spawned": { "knd": "square" } } }"""), 8, "steps[0].check.spawned: unknown field \"knd\" (expected kind, n, minSteps, minWorkMs, minWaitMs, maxWaitMs, count)" },
        { "unknown worker kind", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "spawned": { "kind": "hexagon" } } }"""), 8, "steps[0].check.spawned.kind: must be one of square, cube, command, pool, got \"hexagon\"" },
        { "N not an integer", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "spawned": { "n": "ten" } } }"""), 8, "steps[0].check.spawned.n: N must be an integer, got \"ten\"" },
        { "N a fraction", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "spawned": { "n": 1.5 } } }"""), 8, "steps[0].check.spawned.n: N must be an integer, got 1.5" },
        { "count zero", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "spawned": { "count": 0 } } }"""), 8, "steps[0].check.spawned.count: must be a whole number from 1 to 1,000, got 0" },
        { "count a word", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "spawned": { "count": "many" } } }"""), 8, "must be a whole number from 1 to 1,000 or \"cores\", got \"many\"" },
        { "negative time", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "spawned": { "minWorkMs": -5 } } }"""), 8, "minWorkMs: must be a whole number from 0 to 3,600,000, got -5" },
        { "unknown mode", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "mode": { "mode": "turbo" } } }"""), 8, "mode.mode: must be one of parallel, pause-on-wait, got \"turbo\"" },
        { "mode without its mode", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "mode": { "slots": 2 } } }"""), 8, "missing \"mode\" (parallel or pause-on-wait)" },
        { "zero slots", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "mode": { "mode": "pause-on-wait", "slots": 0 } } }"""), 8, "slots: must be a whole number from 1 to 1,024, got 0" },
        { "percent over 100", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "coresBusy": { "percent": 150 } } }"""), 8, "percent: must be a whole number from 1 to 100, got 150" },
        { "printed without text", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "printed": { "kind": "cube" } } }"""), 8, "missing \"text\"" },
        { "byUser not a boolean", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "poolWorkerLost": { "byUser": "yes" } } }"""), 8, "byUser: must be true or false, got a string" },
        { "empty all", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "all": [] } }"""), 8, "steps[0].check.all: needs at least one check in its list" },
        { "bad check inside all", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "all": [ { "spawned": {} }, { "jumped": {} } ] } }"""), 8, "steps[0].check.all[1]: unknown check \"jumped\"" },
        { "checks nested too deep", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "all": [ { "any": [ { "all": [ { "any": [ { "all": [ { "spawned": {} } ] } ] } ] } ] } ] } }"""), 8, "steps[0].check.all[0].any[0].all[0].any[0].all[0]: checks are nested too deep (all/any at most 4 levels)" },
        { "all not a list", WithStep("""{ "id": "a", "title": "T", "text": "x", "check": { "all": { "spawned": {} } } }"""), 8, "steps[0].check.all: must be a list [...], got an object" },

        // A question.
        { "question with nothing", WithStep("""{ "id": "a", "title": "T", "text": "x", "question": {} }"""), 8, "missing \"answers\"" },
        { "typed question, no answers", WithStep("""{ "id": "a", "title": "T", "text": "x", "question": { "answers": [] } }"""), 8, "a typed question needs at least one right answer" },
        { "answer without choices", WithStep("""{ "id": "a", "title": "T", "text": "x", "question": { "answer": "0" } }"""), 8, "\"answer\" and \"answerFrom\" go with \"choices\"" },
        { "one choice only", WithStep("""{ "id": "a", "title": "T", "text": "x", "question": { "choices": ["0"], "answer": "0" } }"""), 8, "a multiple-choice question needs 2 to 9 choices" },
        { "the same choice twice", WithStep("""{ "id": "a", "title": "T", "text": "x", "question": { "choices": ["0", "0"], "answer": "0" } }"""), 8, "two choices are the same" },
        { "choices the same but for case", WithStep("""{ "id": "a", "title": "T", "text": "x", "question": { "choices": ["Yes", "yes"], "answer": "Yes" } }"""), 8, "steps[0].question.choices: two choices are the same but for upper and lower case" },
        { "answer not a choice", WithStep("""{ "id": "a", "title": "T", "text": "x", "question": { "choices": ["0", "1"], "answer": "2" } }"""), 8, "\"2\" is not one of the choices" },
        { "choices without answer", WithStep("""{ "id": "a", "title": "T", "text": "x", "question": { "choices": ["0", "1"] } }"""), 8, "missing \"answer\" (the right choice) or \"answerFrom\"" },
        { "answer and answerFrom", WithStep("""{ "id": "a", "title": "T", "text": "x", "question": { "choices": ["parallel", "pause-on-wait"], "answer": "parallel", "answerFrom": "fasterMode" } }"""), 8, "\"answer\" or \"answerFrom\", not both" },
        { "unknown answerFrom", WithStep("""{ "id": "a", "title": "T", "text": "x", "question": { "choices": ["parallel", "pause-on-wait"], "answerFrom": "luck" } }"""), 8, "answerFrom: must be one of fasterMode, got \"luck\"" },
        { "fasterMode without its choices", WithStep("""{ "id": "a", "title": "T", "text": "x", "question": { "choices": ["fast", "slow"], "answerFrom": "fasterMode" } }"""), 8, "needs the choices \"parallel\" and \"pause-on-wait\"" },
        { "answers with choices", WithStep("""{ "id": "a", "title": "T", "text": "x", "question": { "choices": ["0", "1"], "answers": ["0"] } }"""), 8, "names its right choice in \"answer\"" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_MalformedFile_OneLineNamingTheFileLineAndProblem(string @case, string text, int line, string problem)
    {
        LabFormatException e = Assert.Throws<LabFormatException>(() => LabReader.Parse(Encoding.UTF8.GetBytes(text), "bad.json"));

        Assert.True(e.Message.StartsWith($"bad.json:{line}:", StringComparison.Ordinal) || (line == 0 && e.Message.StartsWith("bad.json: ", StringComparison.Ordinal)), $"{@case}: {e.Message}");
        Assert.Contains(problem, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.Equal(line, e.Line);
    }

    [Fact]
    public void Load_MissingFile_Directory_TooLarge_Unreadable_EachSaidInOneLine()
    {
        string dir = Directory.CreateTempSubdirectory("tuiproc-lab-").FullName;
        try
        {
            Assert.Equal($"{dir}/none.json: does not exist", Assert.Throws<LabFormatException>(() => LabReader.Load(RegularFileReader.Instance, Path.Combine(dir, "none.json"))).Message);
            Assert.Equal($"{dir}: a directory, not a regular file", Assert.Throws<LabFormatException>(() => LabReader.Load(RegularFileReader.Instance, dir)).Message);

            string big = Path.Combine(dir, "big.json");
            File.WriteAllText(big, "[" + new string(' ', 2 * 1024 * 1024) + "]");
            Assert.Contains(": larger than 1 MiB", Assert.Throws<LabFormatException>(() => LabReader.Load(RegularFileReader.Instance, big)).Message, StringComparison.Ordinal);

            string secret = Path.Combine(dir, "secret.json");
            File.WriteAllText(secret, "{}");
            File.SetUnixFileMode(secret, UnixFileMode.None);
            if (Environment.UserName != "root") // root reads any file
            {
                Assert.Equal($"{secret}: not readable: permission denied", Assert.Throws<LabFormatException>(() => LabReader.Load(RegularFileReader.Instance, secret)).Message);
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
