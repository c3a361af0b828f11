using System.Text;
using System.Text.Json;
using Json.Schema;
using TuiProcManager.Core.Os;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Tests.TestSupport;

namespace TuiProcManager.Labs.Tests.Format;

/// <summary>
/// labs/lab.schema.json is what editors check a lab file against; the reader is what tuiproc checks it
/// with. They must agree: every shipped lab is valid for both, and every malformed file the reader
/// refuses for its shape, the schema refuses too (a file the schema passes, tuiproc loads).
/// </summary>
public sealed class LabSchemaTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(ShippedLabs.Text("lab.schema.json"));

    /// <summary>Problems the schema cannot express (a later step's id equal to an earlier one's, an answer that must be one of the choices, JSON's own syntax).</summary>
    private static readonly HashSet<string> BeyondTheSchema = new(StringComparer.Ordinal)
    {
        "empty file", "not JSON", "cut short", "a field given twice", "duplicate step id", "answer not a choice",
        "fasterMode without its choices",
    };

    [Fact]
    public void ShippedLabs_AreValidForTheSchema()
    {
        IReadOnlyList<string> files = ShippedLabs.Folder.List("*.lab.json");
        Assert.Equal(5, files.Count);
        foreach (string file in files)
        {
            using JsonDocument lab = JsonDocument.Parse(ShippedLabs.Text(file[(BuiltInFiles.PathOf("labs/").Length)..]));
            EvaluationResults result = Schema.Evaluate(lab.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            Assert.True(result.IsValid, $"{file}: {string.Join("; ", Errors(result))}");
        }
    }

    [Theory]
    [MemberData(nameof(MalformedLabTests.Cases), MemberType = typeof(MalformedLabTests))]
    public void MalformedFile_TheReaderRefuses_TheSchemaRefusesToo(string @case, string text, int line, string problem)
    {
        Assert.Throws<LabFormatException>(() => LabReader.Parse(Encoding.UTF8.GetBytes(text), "bad.json"));
        if (BeyondTheSchema.Contains(@case))
        {
            return;
        }

        using JsonDocument document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        EvaluationResults result = Schema.Evaluate(document.RootElement);
        Assert.False(result.IsValid, $"the schema accepts '{@case}' (line {line}: {problem})");
    }

    private static IEnumerable<string> Errors(EvaluationResults result) =>
        (result.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"));
}
