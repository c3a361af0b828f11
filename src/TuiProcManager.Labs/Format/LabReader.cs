using System.Collections.Immutable;
using System.Text.RegularExpressions;
using TuiProcManager.Core.Os;
using TuiProcManager.Labs.Checks;

namespace TuiProcManager.Labs.Format;

/// <summary>
/// Reads and checks a lab file (<see cref="Lab.Format"/>, documented in <c>labs/README.md</c> and
/// <c>labs/lab.schema.json</c>). Anything wrong is a <see cref="LabFormatException"/> naming the file,
/// the line and column, the field, and the problem; a lab that loads can be run and checked.
/// </summary>
public static partial class LabReader
{
    private static readonly string[] Fields = ["$schema", "format", "id", "name", "title", "summary", "steps"];
    private static readonly string[] StepFields = ["id", "title", "text", "hints", "check", "question", "done"];
    private static readonly string[] QuestionFields = ["answers", "choices", "answer", "answerFrom"];

    /// <summary>Most steps in a lab.</summary>
    public const int MaxSteps = 100;

    /// <summary>Reads the lab in <paramref name="path"/> through <paramref name="files"/> (a regular file, at most <see cref="JsonSource.MaxBytes"/>), named <paramref name="shownAs"/> in messages (default: the path).</summary>
    /// <exception cref="LabFormatException">The file cannot be read or is not a valid lab.</exception>
    public static Lab Load(IRegularFileReader files, string path, string? shownAs = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        using JsonSource source = JsonSource.Open(files, path, shownAs ?? path);
        return Read(source, BuiltInFiles.IsBuiltIn(path) ? path : Path.GetFullPath(path));
    }

    /// <summary>Reads a lab from <paramref name="utf8"/> (for tests and embedded labs).</summary>
    /// <exception cref="LabFormatException">It is not a valid lab.</exception>
    public static Lab Parse(ReadOnlyMemory<byte> utf8, string name)
    {
        using JsonSource source = JsonSource.Parse(utf8, name);
        return Read(source, name);
    }

    private static Lab Read(JsonSource source, string fullPath)
    {
        JsonCursor root = source.Root.Object("the lab", Fields);
        JsonCursor format = root.Required("format", $"the format of the file: \"{Lab.Format}\"");
        string version = format.String(100);
        if (version != Lab.Format)
        {
            throw format.Error($"this tuiproc reads \"{Lab.Format}\", not \"{JsonCursor.Shown(version)}\"");
        }

        string id = Id(root.Required("id", "the short name the lab is opened with, e.g. \"1\""));
        string name = Id(root.Required("name", "a second name to open it with, e.g. \"signals\""));
        string title = root.Required("title", "the lab's title").String(100);
        string summary = root.Required("summary", "one line for the list of labs").String(200);
        JsonCursor stepsAt = root.Required("steps", "the lab's steps, a list");
        List<JsonCursor> items = [.. stepsAt.Items(MaxSteps)];
        if (items.Count == 0)
        {
            throw stepsAt.Error("a lab needs at least one step");
        }

        Dictionary<string, string> ids = new(StringComparer.Ordinal);
        ImmutableArray<LabStep>.Builder steps = ImmutableArray.CreateBuilder<LabStep>(items.Count);
        foreach (JsonCursor item in items)
        {
            LabStep step = Step(item);
            JsonCursor idAt = item.Member("id")!.Value;
            if (ids.TryGetValue(step.Id, out string? first))
            {
                throw idAt.Error($"step id \"{step.Id}\" is used twice (first at line {source.LineOf(first)})");
            }

            ids[step.Id] = idAt.Path;
            steps.Add(step);
        }

        return new Lab(id, name, title, summary, steps.MoveToImmutable(), fullPath);
    }

    private static LabStep Step(JsonCursor at)
    {
        JsonCursor o = at.Object("a step", StepFields);
        string id = Id(o.Required("id", "unique in the lab, e.g. \"spawn-square\""));
        string title = o.Required("title", "one line for the checklist").String(120);
        string text = o.Required("text", "what to do: a string, or a list of paragraphs").Text();
        ImmutableArray<string> hints = o.Member("hints") is { } h ? [.. h.Items(20).Select(x => x.String(1000))] : [];
        string? done = o.Member("done")?.Text(2000);
        JsonCursor? checkAt = o.Member("check");
        JsonCursor? questionAt = o.Member("question");
        if (checkAt is null == questionAt is null)
        {
            throw o.Error(checkAt is null
                ? "a step needs a \"check\" (what makes it done) or a \"question\""
                : "a step has a \"check\" or a \"question\", not both");
        }

        Check? check = checkAt is { } c ? CheckReader.Read(c) : null;
        LabQuestion? question = questionAt is { } q ? Question(q) : null;
        return new LabStep(id, title, text, hints, check, question, done);
    }

    private static LabQuestion Question(JsonCursor at)
    {
        JsonCursor o = at.Object("a question", QuestionFields);
        JsonCursor? choicesAt = o.Member("choices");
        if (choicesAt is null)
        {
            if (o.Member("answer") is { } single || o.Member("answerFrom") is { } computed)
            {
                throw o.Error("\"answer\" and \"answerFrom\" go with \"choices\"; a typed question lists its right answers in \"answers\"");
            }

            JsonCursor answersAt = o.Required("answers", "the right answers to a typed question, e.g. [\"Cube: 27\"]; or give \"choices\"");
            ImmutableArray<string> answers = [.. answersAt.Items(20).Select(a => a.String(200))];
            return answers.IsEmpty ? throw answersAt.Error("a typed question needs at least one right answer") : new LabQuestion([], answers, null);
        }

        ImmutableArray<string> choices = [.. choicesAt.Value.Items(9).Select(a => a.String(120))];
        if (choices.Length < 2)
        {
            throw choicesAt.Value.Error("a multiple-choice question needs 2 to 9 choices");
        }

        if (choices.Distinct(StringComparer.OrdinalIgnoreCase).Count() != choices.Length)
        {
            throw choicesAt.Value.Error("two choices are the same");
        }

        if (o.Member("answers") is not null)
        {
            throw o.Error("a multiple-choice question names its right choice in \"answer\" (or computes it with \"answerFrom\"), not \"answers\"");
        }

        JsonCursor? answerAt = o.Member("answer");
        JsonCursor? fromAt = o.Member("answerFrom");
        if (answerAt is null == fromAt is null)
        {
            throw o.Error(answerAt is null ? "missing \"answer\" (the right choice) or \"answerFrom\"" : "\"answer\" or \"answerFrom\", not both");
        }

        if (answerAt is { } a)
        {
            string answer = a.String(120);
            return choices.Contains(answer, StringComparer.Ordinal)
                ? new LabQuestion(choices, [answer], null)
                : throw a.Error($"\"{JsonCursor.Shown(answer)}\" is not one of the choices");
        }

        fromAt!.Value.OneOf("fasterMode");
        if (!choices.Contains("parallel") || !choices.Contains("pause-on-wait"))
        {
            throw choicesAt.Value.Error("\"answerFrom\": \"fasterMode\" needs the choices \"parallel\" and \"pause-on-wait\"");
        }

        return new LabQuestion(choices, [], ComputedAnswer.FasterMode);
    }

    private static string Id(JsonCursor at)
    {
        string id = at.String(40);
        return IdPattern().IsMatch(id) ? id : throw at.Error($"\"{JsonCursor.Shown(id)}\" is not a valid id: lowercase letters, digits and '-', starting with a letter or digit");
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex IdPattern();
}
