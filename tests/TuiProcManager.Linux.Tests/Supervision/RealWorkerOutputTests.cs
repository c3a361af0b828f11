using System.Globalization;
using System.Numerics;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.Tests.TestSupport;

namespace TuiProcManager.Linux.Tests.Supervision;

public sealed class RealWorkerOutputTests
{
    [Theory]
    [InlineData("square", "10", "Square: 100")]
    [InlineData("cube", "10", "Cube: 1000")]
    [InlineData("square", "-4", "Square: 16")]
    [InlineData("cube", "-3", "Cube: -27")]
    [InlineData("square", "0", "Square: 0")]
    [InlineData("square", "123456789012345678901234567890", "Square: 15241578753238836750495351562536198787501905199875019052100")]
    public async Task Worker_PrintsTheLessonsLine_AndExitsZero(string kind, string n, string expected)
    {
        await using RealSupervisor s = new();
        WorkerSpec spec = kind == "square" ? WorkerSpec.Square(n) : WorkerSpec.Cube(n);

        WorkerExit exit = await s.RunAsync(spec);

        Assert.True(exit.Succeeded, exit.ToString());
        Assert.Equal([expected], s.Lines(new WorkerId(1)));
    }

    [Fact]
    public async Task Worker_HundredThousandDigits_PrintsTheExactCube()
    {
        string n = "-" + string.Concat(Enumerable.Repeat("1234567890", 10_000));
        await using RealSupervisor s = new();

        await s.RunAsync(WorkerSpec.Cube(n));

        BigInteger big = BigInteger.Parse(n, CultureInfo.InvariantCulture);
        Assert.Equal("Cube: " + (big * big * big).ToString(CultureInfo.InvariantCulture), Assert.Single(s.Lines(new WorkerId(1))));
    }

    [Fact]
    public async Task Worker_WithSteps_PrintsOneProgressLinePerStepThenTheResult()
    {
        await using RealSupervisor s = new();

        await s.RunAsync(WorkerSpec.Square("7", new Workload(3, 10, 10)));

        Assert.Equal(["square 7: step 1/3", "square 7: step 2/3", "square 7: step 3/3", "Square: 49"], s.Lines(new WorkerId(1)));
    }

    [Fact]
    public async Task Command_ExitsAtOnce_OutputOfBothStreamsAndExitCodeAreComplete()
    {
        // Pins: a worker that exits before its output is read still has all of it, in order, before its end.
        await using RealSupervisor s = new();

        WorkerExit exit = await s.RunAsync(WorkerSpec.Command(["sh", "-c", "echo out1; echo err1 >&2; echo out2; exit 3"]));

        Assert.Equal(3, exit.Code);
        WorkerId id = new(1);
        Assert.Equal(["out1", "out2"], s.Of<OutputLine>(id).Where(l => l.Channel == OutputChannel.Stdout).Select(l => l.Text));
        Assert.Equal(["err1"], s.Of<OutputLine>(id).Where(l => l.Channel == OutputChannel.Stderr).Select(l => l.Text));
        long endedAt = s.Of<WorkerEnded>(id).Single().Sequence;
        Assert.All(s.Of<OutputLine>(id), l => Assert.True(l.Sequence < endedAt));
    }

    [Fact]
    public async Task Command_LastLineWithoutNewline_IsStillALine()
    {
        await using RealSupervisor s = new();

        await s.RunAsync(WorkerSpec.Command(["printf", "a\\r\\nb"]));

        Assert.Equal(["a", "b"], s.Lines(new WorkerId(1)));
    }

    [Fact]
    public async Task Command_NotFound_FailsToStartWithTheReason()
    {
        await using RealSupervisor s = new();

        WorkerExit exit = await s.RunAsync(WorkerSpec.Command(["/nonexistent/program"]));

        Assert.Equal(ExitKind.FailedToStart, exit.Kind);
        Assert.Contains("no such file", exit.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_KilledBySignal_ReportsTheSignalByName()
    {
        await using RealSupervisor s = new();

        WorkerExit exit = await s.RunAsync(WorkerSpec.Command(["sh", "-c", "kill -SEGV $$"]));

        Assert.Equal(("SIGSEGV", -11), (exit.SignalName, exit.PythonExitCode));
    }

    [Fact]
    public async Task Command_LineLongerThanTheLimit_IsCutWithAMarker()
    {
        await using RealSupervisor s = new(linux: o => o.MaxLineBytes = 4096);

        await s.RunAsync(WorkerSpec.Command(["sh", "-c", "head -c 100000 /dev/zero | tr '\\0' x; echo; echo next"]));

        string[] lines = s.Lines(new WorkerId(1));
        Assert.Equal(
            [new string('x', 4096) + " … [line cut at 4,096 bytes]", "… [95,904 more bytes of the cut line dropped]", "next"],
            lines);
    }

    [Fact]
    public async Task Command_Flood_IsReadInFullWithoutBlockingTheWorker()
    {
        // 300,000 lines as fast as the worker can write them: the worker must not block on a full pipe,
        // and every line must reach the supervisor. The recording subscriber gets room for all of them: on
        // a loaded machine a subscriber may lag, and a lagging one has lines dropped (by design, counted).
        await using RealSupervisor s = new(o => o.SubscriberQueueCapacity = 1_000_000);

        WorkerExit exit = await s.RunAsync(WorkerSpec.Command(["sh", "-c", "seq 1 300000"]));

        Assert.True(exit.Succeeded);
        Assert.Equal(300_000, s.Supervisor.Snapshot()[0].OutputLines);
        Assert.Empty(s.Of<EventsDropped>());
        OutputLine last = s.Of<OutputLine>(new WorkerId(1)).Last();
        Assert.Equal(("300000", 300_000L), (last.Text, last.Number));
    }

    [Fact]
    public async Task Command_InvalidUtf8_BecomesReplacementCharacters()
    {
        await using RealSupervisor s = new();

        await s.RunAsync(WorkerSpec.Command(["printf", "ok \\377\\376 end\\n"]));

        Assert.Equal(["ok \uFFFD\uFFFD end"], s.Lines(new WorkerId(1)));
    }

    [Fact]
    public async Task Command_TenMegabytesWithoutANewline_IsShownCutWhileTheWorkerGoesOn_NeverBlockingIt()
    {
        // 10 MiB of one line, then the worker sleeps with the line still open: it got past writing all of
        // it (a full pipe would have blocked it inside `tr`), and the cut line is seen now, not at a
        // newline that never comes. Default limit: 1 MiB.
        await using RealSupervisor s = new();
        WorkerId id = s.Supervisor.Spawn(WorkerSpec.Command(["sh", "-c", "head -c 10485760 /dev/zero | tr '\\0' x; echo after >&2; sleep 30"]));

        await RealSupervisor.UntilAsync(() => s.Of<OutputLine>(id).Any(l => l.Text == "after"), "stderr's line after the 10 MiB");
        await RealSupervisor.UntilAsync(() => s.Lines(id).Length > 0, "the cut line, before any newline");

        OutputLine cut = s.Of<OutputLine>(id).First(l => l.Channel == OutputChannel.Stdout);
        Assert.Equal(new string('x', 1024 * 1024) + " … [line cut at 1,048,576 bytes]", cut.Text);
        await s.UntilStateAsync(id, WorkerState.Waiting); // asleep in `sleep 30`, past the 10 MiB
        s.Supervisor.Kill(id);
        WorkerExit? exit = await s.JoinAsync(id);
        Assert.Equal("SIGKILL", exit?.SignalName);

        // Told at end of file. The join returns as the supervisor records the end; the line reaches this
        // subscriber a moment later, on the delivery thread (seen missing once in CI under load).
        await RealSupervisor.UntilAsync(() => s.Of<OutputLine>(id).Count(l => l.Channel == OutputChannel.Stdout) >= 2, "the dropped count delivered");
        OutputLine end = s.Of<OutputLine>(id).Last(l => l.Channel == OutputChannel.Stdout);
        Assert.Equal("… [9,437,184 more bytes of the cut line dropped]", end.Text);
    }

    [Fact]
    public async Task Command_BinaryBytesAndNuls_AreReadInFull_AndTheLinesAfterThemArrive()
    {
        await using RealSupervisor s = new();

        WorkerExit exit = await s.RunAsync(WorkerSpec.Command(["sh", "-c", "head -c 262144 /dev/urandom; echo; printf '\\000\\001\\033[2J\\n'; echo end"]));

        Assert.True(exit.Succeeded, exit.ToString());
        string[] lines = s.Lines(new WorkerId(1));
        Assert.Equal("end", lines[^1]);
        Assert.Equal("\0\u0001\u001b[2J", lines[^2]); // carried as data; made harmless where it is shown
    }
}
