using System.Collections.Immutable;
using System.Text.Json;
using TuiProcManager.Core.Os;
using TuiProcManager.Labs.Checks;

namespace TuiProcManager.Labs.Format;

/// <summary>
/// Reads a lab file (<see cref="Lab.Format"/>, documented in <c>labs/README.md</c>). Its shape is checked
/// against <c>labs/lab.schema.json</c> (<see cref="LabSchema"/>), the one place it is written; what a schema
/// cannot say is checked here: a member given twice, step ids used twice, an answer that is not one of the
/// choices. Anything wrong is a <see cref="LabFormatException"/> naming the file, the line and column, the
/// field, and the problem; a lab that loads can be run and checked.
/// </summary>
public static class LabReader
{
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
        RefuseRepeatedMembers(source.Root);
        LabSchema.Check(source);
        JsonElement lab = source.Root.Element;
        Dictionary<string, string> ids = new(StringComparer.Ordinal);
        ImmutableArray<LabStep>.Builder steps = ImmutableArray.CreateBuilder<LabStep>();
        foreach (JsonCursor item in source.Root.Member("steps")!.Value.Each())
        {
            LabStep step = Step(item);
            JsonCursor idAt = item.Member("id")!.Value;
            if (ids.TryGetValue(step.Id, out string? first))
            {
                throw idAt.Error($"step id \"{step.Id}\" is used twice (first at line {source.PositionOf(first).Line})");
            }

            ids[step.Id] = idAt.Path;
            steps.Add(step);
        }

        return new Lab(String(lab, "id"), String(lab, "name"), String(lab, "title"), String(lab, "summary"), steps.ToImmutable(), fullPath)
        {
            SharedWith = lab.TryGetProperty("shared_with", out JsonElement shared) ? [.. shared.EnumerateArray().Select(x => x.GetString()!)] : [],
        };
    }

    private static LabStep Step(JsonCursor at)
    {
        JsonElement o = at.Element;
        ImmutableArray<string> hints = o.TryGetProperty("hints", out JsonElement h) ? [.. h.EnumerateArray().Select(x => x.GetString()!)] : [];
        return new LabStep(
            String(o, "id"),
            String(o, "title"),
            Paragraphs(o.GetProperty("text")),
            hints,
            at.Member("check") is { } check ? CheckReader.Read(check) : null,
            at.Member("question") is { } question ? Question(question) : null,
            o.TryGetProperty("done", out JsonElement done) ? Paragraphs(done) : null);
    }

    private static LabQuestion Question(JsonCursor at)
    {
        if (at.Member("choices") is not { } choicesAt)
        {
            return new LabQuestion([], [.. at.Element.GetProperty("answers").EnumerateArray().Select(a => a.GetString()!)], null);
        }

        ImmutableArray<string> choices = [.. choicesAt.Element.EnumerateArray().Select(c => c.GetString()!)];
        if (choices.Distinct(StringComparer.OrdinalIgnoreCase).Count() != choices.Length)
        {
            throw choicesAt.Error("two choices are the same but for upper and lower case");
        }

        if (at.Member("answer") is { } answerAt)
        {
            string answer = answerAt.Element.GetString()!;
            return choices.Contains(answer, StringComparer.Ordinal)
                ? new LabQuestion(choices, [answer], null)
                : throw answerAt.Error($"\"{Core.Text.InputText.Shorten(answer)}\" is not one of the choices");
        }

        // The schema allows only "fasterMode" here; what it computes must be a choice the student can pick.
        return choices.Contains("parallel") && choices.Contains("pause-on-wait")
            ? new LabQuestion(choices, [], ComputedAnswer.FasterMode)
            : throw choicesAt.Error("\"answerFrom\": \"fasterMode\" needs the choices \"parallel\" and \"pause-on-wait\"");
    }

    /// <summary>A member given twice anywhere in the file: JSON parsers keep one of the two, so the file would not say what it means.</summary>
    private static void RefuseRepeatedMembers(JsonCursor at)
    {
        if (at.Element.ValueKind == JsonValueKind.Object)
        {
            HashSet<string> seen = new(StringComparer.Ordinal);
            foreach (JsonProperty member in at.Element.EnumerateObject())
            {
                string path = JsonPositions.Child(at.Path, member.Name);
                if (!seen.Add(member.Name))
                {
                    throw at.Source.Error(path, at.Path, $"\"{Core.Text.InputText.Shorten(member.Name)}\" is given twice");
                }

                RefuseRepeatedMembers(new JsonCursor(member.Value, path, at.Source));
            }
        }
        else if (at.Element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonCursor item in at.Each())
            {
                RefuseRepeatedMembers(item);
            }
        }
    }

    private static string String(JsonElement o, string name) => o.GetProperty(name).GetString()!;

    /// <summary>Text: a string, or a list of paragraphs joined with newlines.</summary>
    private static string Paragraphs(JsonElement text) =>
        text.ValueKind == JsonValueKind.Array ? string.Join("\n", text.EnumerateArray().Select(p => p.GetString()!)) : text.GetString()!;
}
