using System.Globalization;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.Tests.TestSupport;

namespace TuiProcManager.Linux.Tests.Processes;

/// <summary>
/// Workers started by the fork server must be indistinguishable, to the supervisor, from spawned ones.
/// Where the toolchain gave only a JIT worker, the server must refuse (forking a JIT runtime is unsafe)
/// and workers must still run: each test checks whichever of the two this build must do.
/// </summary>
public sealed class ForkServerTests
{
    [Fact]
    public async Task ForkedWorker_IsOurChild_LeaderOfItsGroup_WithOnlyStdioAndItsResultsPipe()
    {
        await using RealSupervisor s = new();
        WorkerId id = s.Supervisor.Spawn(WorkerSpec.Square("3", new Workload(50, 0, 20)));
        int pid = await s.PidAsync(id);

        if (!WorkerBuild.IsNativeAot)
        {
            Assert.Contains("not a NativeAOT build", s.ForkServer.DisabledBecause, StringComparison.Ordinal);
            Assert.Null(s.ForkServer.Pid);
        }
        else
        {
            Assert.NotNull(s.ForkServer.Pid); // the worker really came from the fork server
            Assert.Null(s.ForkServer.DisabledBecause);
        }

        string[] stat = File.ReadAllText($"/proc/{pid}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(Environment.ProcessId, int.Parse(stat[1], CultureInfo.InvariantCulture)); // parent: us (CLONE_PARENT)
        Assert.Equal(pid, int.Parse(stat[2], CultureInfo.InvariantCulture)); // its own group, already when Spawn returned
        // The server answers with the PID right after the clone, while the child is still closing what it
        // inherited (closefrom(3) before any worker code runs): wait for that, bounded.
        string[] fds = [];
        for (long start = Environment.TickCount64; Environment.TickCount64 - start < 5_000; await Task.Delay(5))
        {
            fds = [.. Directory.GetFiles($"/proc/{pid}/fd").Select(Path.GetFileName).Order()!];
            if (fds.Length <= 4)
            {
                break;
            }
        }

        Assert.Equal(["0", "1", "2", "3"], fds); // a square worker reports its result on fd 3
        Assert.Equal("/dev/null", new FileInfo($"/proc/{pid}/fd/0").LinkTarget);
        Assert.StartsWith("pipe:", new FileInfo($"/proc/{pid}/fd/3").LinkTarget, StringComparison.Ordinal);

        s.Supervisor.Kill(id);
        Assert.Equal("SIGKILL", (await s.JoinAsync(id))!.SignalName);
    }

    [Fact]
    public async Task ForkedWorker_BadArguments_ExitTwoWithTheMessageOnStderr()
    {
        // The supervisor validates specs, so this is the fork server's own path for a bad request.
        await using RealSupervisor s = new();
        WorkerId id = s.Supervisor.Spawn(WorkerSpec.Square("1"));
        await s.JoinAsync(id);

        WorkerExit exit = await s.RunAsync(WorkerSpec.Command([RealSupervisor.WorkerPath, "hexagon", "3"]));

        Assert.Equal(2, exit.Code);
        Assert.Equal("tuiproc-worker: unknown worker kind 'hexagon' (expected square or cube)", Assert.Single(s.Of<OutputLine>(new WorkerId(2))).Text);
    }

    [Fact]
    public async Task ArgumentsTooLargeForOneMessage_FallBackToPosixSpawn()
    {
        string n = new('7', 100_000);
        await using RealSupervisor s = new();

        WorkerExit exit = await s.RunAsync(WorkerSpec.Square(n));

        Assert.True(exit.Succeeded);
        Assert.StartsWith("Square: 6049", Assert.Single(s.Lines(new WorkerId(1))), StringComparison.Ordinal);
        Assert.Null(s.ForkServer.Pid); // never needed
    }

    [Fact]
    public async Task ForkServerDisabled_WorkersStillRun()
    {
        await using RealSupervisor s = new(linux: o => o.UseForkServer = false);

        WorkerExit exit = await s.RunAsync(WorkerSpec.Cube("4"));

        Assert.True(exit.Succeeded);
        Assert.Equal(["Cube: 64"], s.Lines(new WorkerId(1)));
        Assert.Equal("disabled by configuration", s.ForkServer.DisabledBecause);
    }

    [Fact]
    public async Task ForkServerKilled_NextWorkersFallBackToPosixSpawn()
    {
        await using RealSupervisor s = new();
        await s.RunAsync(WorkerSpec.Square("2"));
        if (s.ForkServer.Pid is { } server)
        {
            TestSupport.ProcessTable.Kill(server);
        }
        else
        {
            Assert.False(WorkerBuild.IsNativeAot, "a NativeAOT build must start the fork server");
        }

        WorkerExit exit = await s.RunAsync(WorkerSpec.Square("5"));

        Assert.True(exit.Succeeded);
        Assert.Equal(["Square: 25"], s.Lines(new WorkerId(2)));
        Assert.NotNull(s.ForkServer.DisabledBecause);
    }
}
