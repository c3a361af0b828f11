using TuiProcManager.Tui.Models;

namespace TuiProcManager.Tui.Tests.Models;

/// <summary>
/// The class view's order and cells: hosts that give nothing and sessions gone first, then stuck longest
/// (on a lab step, else since the last event), a finished lab last; each row as the columns say it.
/// </summary>
public sealed class ClassTableTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 6, 10, 0, 0, TimeSpan.Zero);

    private static ClassRow Row(string student, string? lab = null, int step = 1, int steps = 5, double stepAgo = 0, double eventAgo = 0) =>
        new("", student, "s", lab, lab is null ? 0 : step, lab is null ? 0 : steps, lab is null ? "" : "Pause it", lab is null ? null : Now.AddSeconds(-stepAgo),
            1, 2, 3, 4, 50, "worker 1 paused", Now.AddSeconds(-eventAgo));

    [Fact]
    public void Ordered_ProblemsFirst_ThenStuckLongest_AFinishedLabLast()
    {
        ClassRow quick = Row("quick", lab: "1", stepAgo: 30);
        ClassRow stuck = Row("stuck", lab: "1", stepAgo: 600);
        ClassRow noLab = Row("nolab", eventAgo: 120);
        ClassRow finished = Row("done", lab: "1", step: 6, stepAgo: 3000);
        ClassRow down = ClassRow.HostProblem("lab9", "cannot reach lab9 through ssh");
        ClassRow gone = Row("gone", lab: "1", stepAgo: 5) with { Problem = "its server is gone" };

        IReadOnlyList<ClassRow> ordered = ClassTable.Ordered([quick, finished, stuck, down, noLab, gone], Now, byStudent: false);

        Assert.Equal(["", "gone", "stuck", "nolab", "quick", "done"], ordered.Select(r => r.Student));
        Assert.Equal(["", "gone", "done", "nolab", "quick", "stuck"], ClassTable.Ordered([quick, finished, stuck, down, noLab, gone], Now, byStudent: true).Select(r => r.Student));
    }

    [Fact]
    public void Cells_ALabRow_AHostRow_AGoneRow()
    {
        Assert.Equal(["bob", "s", "1", "2/5 Pause it", "4m10s", "1", "2", "3/4", "50", "1m02s ago: worker 1 paused"], ClassTable.Cells(Row("bob", lab: "1", step: 2, stepAgo: 250, eventAgo: 62), Now));
        Assert.Equal(["lab:bob", "s", "-", "-", "-", "-", "-", "3/4", "50", "5s ago: worker 1 paused"], ClassTable.Cells(Row("bob", eventAgo: 5) with { Host = "lab" }, Now));
        Assert.Equal(["lab9", "", "", "", "", "", "", "", "", "cannot reach lab9"], ClassTable.Cells(ClassRow.HostProblem("lab9", "cannot reach lab9"), Now));
        Assert.Equal("GONE: it ended; before: 5s ago: worker 1 paused", ClassTable.Cells(Row("bob", eventAgo: 5) with { Problem = "it ended" }, Now)[^1]);
        Assert.Equal("done", ClassTable.Cells(Row("bob", lab: "1", step: 6), Now)[3]);
    }

    [Theory]
    [InlineData(0, "0s")]
    [InlineData(59.9, "59s")]
    [InlineData(61, "1m01s")]
    [InlineData(3599, "59m59s")]
    [InlineData(3661, "1h01m")]
    [InlineData(-5, "0s")]
    public void Span_AsTheViewSaysIt(double seconds, string expected) => Assert.Equal(expected, ClassTable.Span(TimeSpan.FromSeconds(seconds)));
}
