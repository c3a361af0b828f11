using NSubstitute;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Supervision;

/// <summary>
/// Resting: with nobody watching (a session server without clients), nothing changed and nothing run for
/// 2 s, states are read by the once-a-second resource samples alone; the clock thread's four wake-ups a
/// second were most of an idle session server's CPU. Anything that changes brings the polls back at once.
/// </summary>
public sealed class SupervisorRestTests
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);

    [Fact]
    public void Unwatched_NothingChangedNorRan_ReadsOnlyAtTheSamples()
    {
        using SupervisorHarness h = QuietWorker(watched: false);
        List<long> readings = Readings(h);

        h.Advance(Second * 10);

        Assert.Equal(10, readings.Count);
        Assert.Equal(10, h.Of<ResourceSampled>().Count(e => e.Time.UtcTicks >= readings[0]));
        Assert.All(readings.Zip(readings.Skip(1), (a, b) => b - a), gap => Assert.Equal(Second.Ticks, gap));
    }

    [Fact]
    public void Watched_NothingChangedNorRan_QuietPace()
    {
        using SupervisorHarness h = QuietWorker(watched: true);
        List<long> readings = Readings(h);

        h.Advance(Second * 10);

        Assert.InRange(readings.Count, 39, 41);
    }

    [Fact]
    public void Unwatched_AProcessKeepsRunningInOneState_QuietPace()
    {
        // A worker busy in one state changes nothing the supervisor reports, but it has run: no rest.
        using SupervisorHarness h = QuietWorker(watched: false, ran: true);
        List<long> readings = Readings(h);

        h.Advance(Second * 10);

        Assert.InRange(readings.Count, 39, 41);
    }

    [Fact]
    public void Unwatched_PauseOnWait_NeverRests()
    {
        using SupervisorHarness h = new();
        h.Supervisor.SetWatched(false);
        h.Supervisor.SetScheduling(SchedulingMode.PauseOnWait, 1);
        h.Supervisor.Spawn(WorkerSpec.Square("10"));
        h.Os.Set(100, OsProcessState.Sleeping);
        h.Advance(Second * 5);
        List<long> readings = Readings(h);

        h.Advance(Second);

        Assert.True(readings.Count >= 20, $"{readings.Count} readings in a second"); // every 50 ms at least
    }

    [Fact]
    public void Resting_AClientAttaches_ReadsAgainWithinAQuietPoll()
    {
        using SupervisorHarness h = QuietWorker(watched: false);
        h.Advance(TimeSpan.FromMilliseconds(10)); // just after a sample: resting, the next read is 990 ms away
        List<long> readings = Readings(h);

        h.Supervisor.SetWatched(true);
        h.Advance(TimeSpan.FromMilliseconds(250));

        Assert.Single(readings);
    }

    [Fact]
    public void Resting_AProcessRan_ThePollsComeBackAfterTheNextSample()
    {
        using SupervisorHarness h = QuietWorker(watched: false);
        h.Os.Ran = true; // e.g. a worker that woke, printed nothing and slept again
        h.Advance(Second); // the sample sees it
        h.Os.Ran = false;
        List<long> readings = Readings(h);

        h.Advance(Second);

        Assert.InRange(readings.Count, 4, 5);
    }

    [Fact]
    public void Resting_AStateChangeSeenByTheSample_BringsBackTheFastPolls()
    {
        using SupervisorHarness h = QuietWorker(watched: false);
        List<long> readings = Readings(h);

        h.Os.Set(100, OsProcessState.Running);
        h.Advance(Second * 3);

        WorkerStateChanged change = Assert.Single(h.Of<WorkerStateChanged>(), e => e.To == WorkerState.Running);
        long at = change.Time.UtcTicks;
        int halfSecondAfter = readings.Count(t => t > at && t <= at + (Second / 2).Ticks);
        int secondLater = readings.Count(t => t > at + Second.Ticks && t <= at + (Second * 1.5).Ticks);
        Assert.True(halfSecondAfter >= 9, $"{halfSecondAfter} readings in the half second after the change"); // 50 ms polls again
        Assert.True(secondLater >= 9, $"{secondLater} readings a second later"); // and no rest before 2 s without change
    }

    [Fact]
    public void Resting_ASpawn_ReadsItAtOnce()
    {
        using SupervisorHarness h = QuietWorker(watched: false);
        h.Advance(TimeSpan.FromMilliseconds(10));
        h.Os.Set(101, OsProcessState.Sleeping);
        List<long> readings = [];
        h.Os.Probe.When(p => p.TryRead(101, out Arg.Any<ProcessStatus>())).Do(_ => readings.Add(h.Clock.Clock));

        h.Supervisor.Spawn(WorkerSpec.Square("10"));
        h.Advance(TimeSpan.FromMilliseconds(100));

        Assert.True(readings.Count >= 2, $"{readings.Count} readings of the new worker in 100 ms");
    }

    /// <summary>One worker asleep for 5 s (long past the 2 s of quiet), <paramref name="watched"/> or not; the probe says whether it <paramref name="ran"/>.</summary>
    private static SupervisorHarness QuietWorker(bool watched, bool ran = false)
    {
        SupervisorHarness h = new();
        h.Supervisor.SetWatched(watched);
        h.Os.Ran = ran;
        h.Supervisor.Spawn(WorkerSpec.Square("10"));
        h.Os.Set(100, OsProcessState.Sleeping);
        h.Advance(Second * 5);
        return h;
    }

    /// <summary>The virtual times at which worker 1 (PID 100) is read from now on.</summary>
    private static List<long> Readings(SupervisorHarness h)
    {
        List<long> readings = [];
        h.Os.Probe.When(p => p.TryRead(100, out Arg.Any<ProcessStatus>())).Do(_ => readings.Add(h.Clock.Clock));
        return readings;
    }
}
