using System.Collections.Immutable;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Tests.TestSupport;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Pooling;

/// <summary>Pools through the supervisor, with the OS substituted: what goes down each worker's stdin, what comes back.</summary>
public sealed class SupervisorPoolTests
{
    [Fact]
    public async Task Map_TwoWorkers_InputsGoOneAtATime_ResultsRecorded_ThenStdinClosedAndJoined()
    {
        using SupervisorHarness h = new();
        PoolId pool = h.Supervisor.StartPool(Request(2, "1", "2", "3"));

        Assert.Equal("square 1\n", h.Os.InputOf(100));
        Assert.Equal("square 2\n", h.Os.InputOf(101));
        Assert.Equal(["pool", "--results-fd=3"], [.. h.Os.Processes[100].Request.Arguments]);
        Assert.True(h.Os.Processes[100].Request.WithInput);

        h.Os.Results(101, "ok square 2 4");
        Assert.Equal("square 2\nsquare 3\n", h.Os.InputOf(101)); // the free worker takes the next input
        h.Os.Results(100, "ok square 1 1");
        h.Os.Results(101, "ok square 3 9");

        h.Os.HandleOf(100).Received(1).CloseInput();
        h.Os.HandleOf(101).Received(1).CloseInput();
        Assert.Empty(h.Of<PoolFinished>()); // closed, not yet joined
        h.Os.Exit(100, WorkerExit.Exited(0));
        h.Os.Exit(101, WorkerExit.Exited(0));

        PoolOutcome outcome = await h.Supervisor.JoinPoolAsync(pool).WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(new PoolOutcome(3, 0, 0), outcome);
        Assert.Equal(
            [(0, "1", "1"), (1, "2", "4"), (2, "3", "9")],
            h.Of<ResultRecorded>().OrderBy(r => r.Index).Select(r => (r.Index!.Value, r.Input, r.Result!)));
        Assert.Single(h.Of<PoolFinished>());
    }

    [Fact]
    public void WorkerKilledMidTask_ThatInputFails_TheWorkerIsReplaced_AndTheRunStillEnds()
    {
        using SupervisorHarness h = new();
        PoolId pool = h.Supervisor.StartPool(Request(1, "1", "2", "3"));

        h.Os.Exit(100, WorkerExit.Signaled(9, "SIGKILL")); // dies computing square 1

        ResultRecorded failed = Assert.Single(h.Of<ResultRecorded>());
        Assert.Equal(("1", null), (failed.Input, failed.Result));
        Assert.Contains("SIGKILL", failed.Error, StringComparison.Ordinal);
        PoolWorkerReplaced replaced = Assert.Single(h.Of<PoolWorkerReplaced>());
        Assert.Equal((new WorkerId(1), (WorkerId?)new WorkerId(2)), (replaced.Worker, replaced.Replacement));
        Assert.Equal("square 2\n", h.Os.InputOf(101));

        h.Os.Results(101, "ok square 2 4", "ok square 3 9");
        h.Os.Exit(101, WorkerExit.Exited(0));

        Assert.Equal(new PoolOutcome(2, 1, 0), Assert.Single(h.Of<PoolFinished>()).Outcome);
        Assert.Equal(pool, h.Of<PoolFinished>().Single().Pool);
    }

    [Fact]
    public void WorkerDiesWithInputsQueuedBehindTheCurrentOne_OnlyTheCurrentFails_TheOthersRunElsewhereInOrder()
    {
        using SupervisorHarness h = new();
        // Instant inputs: 16 inputs, 1 worker → a window of 4 in flight.
        h.Supervisor.StartPool(Request(1, [.. Enumerable.Range(1, 16).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture))]));
        Assert.Equal("square 1\nsquare 2\nsquare 3\nsquare 4\n", h.Os.InputOf(100));

        h.Os.Results(100, "ok square 1 1");
        h.Os.Exit(100, WorkerExit.Signaled(11, "SIGSEGV")); // crashed on square 2

        Assert.Equal("2", h.Of<ResultRecorded>().Single(r => r.Error is not null).Input);
        Assert.StartsWith("square 3\nsquare 4\nsquare 5\n", h.Os.InputOf(101), StringComparison.Ordinal);
    }

    [Fact]
    public void ResultsThatAreNotTheInputInFlight_AndLinesOnStdout_AreNeverResults()
    {
        using SupervisorHarness h = new();
        h.Supervisor.StartPool(Request(1, "1"));

        h.Os.EventsOf(100).OnOutput(OutputChannel.Stdout, ["ok square 1 1", "Square: 1"]);
        h.Os.Results(100, "ok square 7 49", "ok cube 1 1", "garbage", "ok square 1 notanumber");

        Assert.Empty(h.Of<ResultRecorded>());
        h.Os.Results(100, "ok square 1 1");
        Assert.Single(h.Of<ResultRecorded>());
    }

    [Fact]
    public void SingleWorker_ResultFromItsResultsPipe_LandsInTheTable()
    {
        using SupervisorHarness h = new();
        WorkerId id = h.Supervisor.Spawn(WorkerSpec.Cube("10"));

        Assert.Equal(["cube", "10", "--results-fd=3"], [.. h.Os.Processes[100].Request.Arguments]);
        Assert.True(h.Os.Processes[100].Request.WithResults);
        h.Os.Results(100, "ok cube 10 1000");

        ResultRecorded r = Assert.Single(h.Of<ResultRecorded>());
        Assert.Equal((id, WorkerKind.Cube, "10", "1000", (PoolId?)null), (r.Worker, r.Kind, r.Input, r.Result, r.Pool));
        Assert.Equal("cube(10) = 1000", r.Describe());
    }

    [Fact]
    public async Task TerminateAll_StopsThePool_NothingReplaced_PendingInputsNeverRun()
    {
        using SupervisorHarness h = new(o => o.GracePeriod = TimeSpan.FromSeconds(1));
        PoolId pool = h.Supervisor.StartPool(Request(2, "1", "2", "3", "4", "5"));

        Task all = h.Supervisor.TerminateAllAsync();
        h.Os.Exit(100, WorkerExit.Signaled(15, "SIGTERM"));
        h.Os.Exit(101, WorkerExit.Signaled(15, "SIGTERM"));
        await all.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Empty(h.Of<PoolWorkerReplaced>());
        Assert.Equal(2, h.Os.Processes.Count);
        Assert.Equal(new PoolOutcome(0, 2, 3), await h.Supervisor.JoinPoolAsync(pool).WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void ReplacementCannotStart_ThePoolGivesUpInsteadOfWaitingForever()
    {
        using SupervisorHarness h = new();
        h.Supervisor.StartPool(Request(1, "1", "2", "3"));
        h.Os.Launcher.Start(Arg.Any<LaunchRequest>(), Arg.Any<IProcessEvents>()).Throws(new LaunchException("out of processes"));

        h.Os.Exit(100, WorkerExit.Signaled(9, "SIGKILL"));

        PoolFinished finished = Assert.Single(h.Of<PoolFinished>());
        Assert.Equal(new PoolOutcome(0, 1, 2), finished.Outcome);
        Assert.Null(Assert.Single(h.Of<PoolWorkerReplaced>()).Replacement);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100_000)]
    public void StartPool_SizeOutOfRange_Throws(int size)
    {
        using SupervisorHarness h = new();
        ArgumentException e = Assert.Throws<ArgumentException>(() => h.Supervisor.StartPool(Request(size, "1")));
        Assert.Contains("pool size must be from 1 to", e.Message, StringComparison.Ordinal);
        Assert.Empty(h.Os.Processes);
    }

    [Fact]
    public void Window_IsOneForWatchableWorkloads_AndLikePythonsChunkSizeForInstantOnes()
    {
        ImmutableArray<PoolTask> thousand = [.. Enumerable.Range(1, 1000).Select(n => new PoolTask(WorkerKind.Square, n.ToString(System.Globalization.CultureInfo.InvariantCulture)))];
        Assert.Equal(1, new PoolRun(new PoolId(1), new PoolRequest(thousand, 2, new Workload(1, 10, 10))).Window);
        Assert.Equal(64, new PoolRun(new PoolId(1), new PoolRequest(thousand, 2, Workload.Instant)).Window);
        Assert.Equal(2, new PoolRun(new PoolId(1), new PoolRequest([.. thousand.Take(20)], 4, Workload.Instant)).Window);
    }

    private static PoolRequest Request(int size, params string[] inputs) =>
        new([.. inputs.Select(n => new PoolTask(WorkerKind.Square, n))], size, Workload.Instant);
}
