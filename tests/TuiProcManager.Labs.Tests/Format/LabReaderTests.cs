using System.Text;
using TuiProcManager.Labs.Checks;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Tests.TestSupport;

namespace TuiProcManager.Labs.Tests.Format;

public sealed class LabReaderTests
{
    private const string Good = """
        {
          "format": "tuiproc-lab/1",
          "id": "7",
          "name": "mine",
          "title": "A lab",
          "summary": "One line",
          "steps": [
            { "id": "a", "title": "Start one", "text": "Press s.", "check": { "spawned": { "kind": "square", "n": 10 } } },
            { "id": "b", "title": "What?", "text": ["One.", "Two."], "question": { "choices": ["x", "y"], "answer": "y" } }
          ]
        }
        """;

    [Fact]
    public void Parse_AGoodLab_ReadsEveryField()
    {
        Lab lab = LabReader.Parse(Encoding.UTF8.GetBytes(Good), "mine.json");

        Assert.Equal(("7", "mine", "A lab", "One line"), (lab.Id, lab.Name, lab.Title, lab.Summary));
        Assert.Equal(2, lab.Steps.Length);
        WorkerCountCheck check = Assert.IsType<WorkerCountCheck>(lab.Steps[0].Check);
        Assert.Equal((WorkerFact.Spawned, Core.Workers.WorkerKind.Square, "10"), (check.Fact, check.Filter.Kind, check.Filter.Number));
        Assert.Equal("One.\nTwo.", lab.Steps[1].Text);
        Assert.Equal("y", Assert.Single(lab.Steps[1].Question!.Answers));
    }

    [Fact]
    public void Parse_SharedWith_UsersAndGroupsAsWritten_NoneWhenLeftOut()
    {
        Lab shared = LabReader.Parse(Encoding.UTF8.GetBytes(Good.Replace("\"summary\": \"One line\",", "\"summary\": \"One line\", \"shared_with\": [\"@teachers\", \"alice\"],", StringComparison.Ordinal)), "mine.json");

        Assert.Equal(["@teachers", "alice"], shared.SharedWith.AsEnumerable());
        Assert.Empty(LabReader.Parse(Encoding.UTF8.GetBytes(Good), "mine.json").SharedWith);
    }

    [Fact]
    public void Shipped_EveryLab_LoadsWithoutAProblem_AndThereAreAtLeastFive()
    {
        Assert.Empty(ShippedLabs.Catalog.Problems);
        Assert.True(ShippedLabs.Catalog.Labs.Count >= 5);
        Assert.Equal(["1", "2", "3", "4", "5"], ShippedLabs.Catalog.Labs.Take(5).Select(l => l.Id));
        Assert.Equal(ShippedLabs.Catalog.Labs.Count, ShippedLabs.Catalog.Labs.Select(l => l.Name).Distinct().Count());
    }

    [Fact]
    public void Parse_CommentsAndTrailingCommas_AreAllowed()
    {
        string withComments = Good.Replace("\"format\"", "// the version\n  \"format\"", StringComparison.Ordinal).Replace("[\"x\", \"y\"]", "[\"x\", \"y\",]", StringComparison.Ordinal);
        Assert.Contains("\"y\",]", withComments, StringComparison.Ordinal); // the trailing comma is really there
        Assert.Equal("7", LabReader.Parse(Encoding.UTF8.GetBytes(withComments), "c.json").Id);
    }

    /// <summary>JSON Schema calls 50.0 and 5e0 integers, so the schema lets them through; the reader must read them, not fail on them.</summary>
    [Fact]
    public void Parse_WholeNumbersWrittenWithAFractionOrAnExponent_AreRead()
    {
        Lab lab = TestLabs.Parse("""{ "id": "a", "title": "T", "text": "x", "check": { "coresBusy": { "percent": 50.0, "seconds": 5e0 } } }""");
        CoresBusyCheck check = Assert.IsType<CoresBusyCheck>(lab.Steps[0].Check);
        Assert.Equal((50, 5), (check.Percent, check.Seconds));
    }
}
