using System.Diagnostics;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.Tests.TestSupport;

namespace TuiProcManager.Linux.Tests.Supervision;

/// <summary>
/// A fork server that stops answering (SIGSTOPped here) costs the spawn that finds out its reply timeout,
/// on the launch thread only: the supervisor answers everyone else meanwhile, and the spawn falls back to
/// posix_spawn and says so.
/// </summary>
public sealed class StoppedForkServerTests
{
    [Fact]
    public async Task ForkServerStopped_TheSupervisorAnswersMeanwhile_TheSpawnFallsBackToPosixSpawn_AndSaysSo()
    {
        // Pins: the launcher was called under the supervisor's lock, and a stopped fork server froze the UI
        // thread and the I/O thread together for its 5 s timeout.
        await using RealSupervisor s = new();
        WorkerId sleeper = s.Supervisor.Spawn(WorkerSpec.Command(["sleep", "60"]));
        await s.RunAsync(WorkerSpec.Square("2")); // starts the fork server (NativeAOT builds)
        if (!WorkerBuild.IsNativeAot)
        {
            // A JIT worker is never forked (unsafe), so there is no server to stop: nothing can hang here.
            Assert.Null(s.ForkServer.Pid);
            return;
        }

        int server = s.ForkServer.Pid!.Value;
        WorkerId quick = s.Supervisor.Spawn(WorkerSpec.Command(["sh", "-c", "sleep 1.5; echo bye"]));
        await s.PidAsync(quick);
        ProcessTable.Signal(server, 19); // SIGSTOP
        Stopwatch clock = Stopwatch.StartNew();
        WorkerId late = s.Supervisor.Spawn(WorkerSpec.Square("7"));
        TimeSpan spawnReturned = clock.Elapsed;

        // While the launch thread waits on the server: a pause, a snapshot, another worker's output.
        Assert.True(s.Supervisor.Pause(sleeper));
        _ = s.Supervisor.Snapshot();
        TimeSpan othersAnswered = clock.Elapsed;
        Assert.Empty(s.Of<WorkerSpawned>(late));

        // A worker that ends meanwhile is reported as it ends: its end, and the sweep after it, need the
        // stray sweeper's lock, which the start of the late one used to hold while it waited on the server.
        await s.Supervisor.JoinAsync(quick).WaitAsync(RealSupervisor.Bound);
        TimeSpan quickEnded = clock.Elapsed;
        WorkerExit exit = (await s.Supervisor.JoinAsync(late).WaitAsync(RealSupervisor.Bound))!;
        TimeSpan started = clock.Elapsed;
        Assert.True(quickEnded < TimeSpan.FromSeconds(3.5), $"a worker's end was reported {quickEnded.TotalSeconds:0.0} s in, behind the stalled start");

        Assert.True(spawnReturned < TimeSpan.FromMilliseconds(500), $"Spawn took {spawnReturned.TotalMilliseconds:0} ms");
        Assert.True(othersAnswered < TimeSpan.FromMilliseconds(500), $"pause and snapshot took {othersAnswered.TotalMilliseconds:0} ms");
        Assert.True(started > TimeSpan.FromSeconds(4), $"the spawn did not wait for the server's reply ({started.TotalSeconds:0.0} s)");
        Assert.True(exit.Succeeded, exit.ToString());
        await RealSupervisor.UntilAsync(() => s.Lines(late).Length == 1, "its line recorded");
        Assert.Equal(["Square: 49"], s.Lines(late));
        string? note = s.Of<WorkerSpawned>(late).Single().Note;
        Assert.NotNull(note);
        Assert.Contains("posix_spawn", note, StringComparison.Ordinal);
        Assert.Contains("stopped answering", note, StringComparison.Ordinal);
        Assert.Null(s.Of<WorkerSpawned>().First().Note);
        Assert.False(ProcessTable.IsAlive(server), "the stopped server was left behind");
    }
}
