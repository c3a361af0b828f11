using System.Text;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.Tests.TestSupport;

namespace TuiProcManager.Linux.Tests.Processes;

/// <summary>
/// The stdin pipe (<see cref="LaunchRequest.WithInput"/>) and the results pipe on fd 3
/// (<see cref="LaunchRequest.WithResults"/>), with real workers and real pipes, through the fork server
/// (forkServer: true, where the build is NativeAOT) and through posix_spawn.
/// </summary>
public sealed class LaunchPipesTests
{
    private static readonly string Worker = RealSupervisor.WorkerPath;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Worker_WithResults_RecordOnResults_LessonLineOnStdout(bool forkServer)
    {
        using RealLauncher l = new(forkServer);
        (_, RecordingEvents events) = l.Start(new LaunchRequest(Worker, ["square", "10", "--results-fd", "3"]) { WithResults = true });

        WorkerExit exit = await events.ExitAsync();

        Assert.True(exit.Succeeded, exit.ToString());
        Assert.Equal(["ok square 10 100"], events.Lines(OutputChannel.Results));
        Assert.Equal(["Square: 100"], events.Lines(OutputChannel.Stdout));
        Assert.Empty(events.Lines(OutputChannel.Stderr));
        Assert.Equal(0, events.Breaches);
        l.AssertForkServerUsed(forkServer);
    }

    [Fact]
    public async Task Command_WithoutResults_HasNoFd3_NothingOnResults()
    {
        // A record on stdout is output like any other; and fd 3 does not exist, so writing to it fails.
        using RealLauncher l = new();
        (_, RecordingEvents events) = l.Start(new LaunchRequest("/bin/sh", ["-c", "echo ok square 10 100; echo ok cube 2 8 >&3"]));

        await events.ExitAsync();

        Assert.Empty(events.Lines(OutputChannel.Results));
        Assert.Equal(["ok square 10 100"], events.Lines(OutputChannel.Stdout));
        Assert.Single(events.Lines(OutputChannel.Stderr)); // sh: 1: 3: Bad file descriptor
    }

    [Fact]
    public async Task Command_WithResults_WritesToFd3_ArrivesOnResults()
    {
        using RealLauncher l = new();
        (_, RecordingEvents events) = l.Start(new LaunchRequest("/bin/sh", ["-c", "echo ok cube 2 8 >&3"]) { WithResults = true });

        WorkerExit exit = await events.ExitAsync();

        Assert.True(exit.Succeeded, exit.ToString());
        Assert.Equal(["ok cube 2 8"], events.Lines(OutputChannel.Results));
        Assert.Empty(events.Lines(OutputChannel.Stdout));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Pool_WithInput_OneRecordPerInput_ExitZeroWhenInputCloses(bool forkServer)
    {
        using RealLauncher l = new(forkServer);
        (IProcessHandle pool, RecordingEvents events) = l.Start(new LaunchRequest(Worker, ["pool", "--results-fd", "3"]) { WithInput = true, WithResults = true });
        byte[] input = "square 3\ncube 2\n"u8.ToArray();

        Assert.Equal(input.Length, pool.WriteInput(input)); // an empty pipe takes 16 bytes at once
        await RealSupervisor.UntilAsync(() => events.Lines(OutputChannel.Results).Length == 2, "both records, before the input is closed");
        Assert.False(events.Exit.IsCompleted); // still waiting for more input
        pool.CloseInput();
        pool.CloseInput(); // idempotent
        WorkerExit exit = await events.ExitAsync();

        Assert.True(exit.Succeeded, exit.ToString());
        Assert.Equal(["ok square 3 9", "ok cube 2 8"], events.Lines(OutputChannel.Results));
        Assert.Empty(events.Lines(OutputChannel.Stdout));
        Assert.Empty(events.Lines(OutputChannel.Stderr));
        Assert.Equal(-1, pool.WriteInput("square 4\n"u8.ToArray())); // closed by us
        l.AssertForkServerUsed(forkServer);
    }

    [Fact]
    public async Task WriteInput_AfterTheProcessDied_MinusOne_NoThrow()
    {
        using RealLauncher l = new();
        (IProcessHandle process, RecordingEvents events) = l.Start(new LaunchRequest("/bin/sh", ["-c", "exit 3"]) { WithInput = true });

        Assert.Equal(3, (await events.ExitAsync()).Code);

        Assert.Equal(-1, process.WriteInput("square 1\n"u8.ToArray()));
        Assert.Equal(-1, process.WriteInput("square 1\n"u8.ToArray()));
        process.CloseInput();
        process.Dispose();
        process.Dispose();
    }

    [Fact]
    public async Task WriteInput_ReaderClosedStdin_EpipeIsMinusOne_NotSigpipe()
    {
        // The process lives on, so nothing has closed our end yet: the write itself meets EPIPE (and the
        // runtime ignores SIGPIPE, so we are not killed).
        using RealLauncher l = new();
        (IProcessHandle process, RecordingEvents events) = l.Start(new LaunchRequest("/bin/sh", ["-c", "exec 0<&-; echo closed; sleep 30"]) { WithInput = true });
        await RealSupervisor.UntilAsync(() => events.Lines(OutputChannel.Stdout).Length == 1, "stdin closed by the child");

        Assert.Equal(-1, process.WriteInput("square 1\n"u8.ToArray()));
        Assert.Equal(-1, process.WriteInput("square 1\n"u8.ToArray())); // our end is closed after EPIPE
        Assert.False(events.Exit.IsCompleted);

        process.Dispose();
        Assert.Equal("SIGKILL", (await events.ExitAsync()).SignalName);
    }

    [Fact]
    public async Task WriteInput_PipeFull_ReturnsWhatFit_ThenZero()
    {
        // sleep never reads: the pipe fills (1 MiB when the kernel allows it, else its default 64 KiB).
        using RealLauncher l = new();
        (IProcessHandle process, RecordingEvents events) = l.Start(new LaunchRequest("sleep", ["30"]) { WithInput = true });
        byte[] block = new byte[4 * 1024 * 1024];

        int taken = process.WriteInput(block);

        Assert.InRange(taken, 64 * 1024, 1024 * 1024);
        Assert.Equal(0, process.WriteInput(block));
        process.Dispose();
        await events.ExitAsync();
    }

    [Fact]
    public void WriteInput_NoInputPipe_MinusOne()
    {
        using RealLauncher l = new();
        (IProcessHandle process, _) = l.Start(new LaunchRequest("sleep", ["30"]));

        Assert.Equal(-1, process.WriteInput("x"u8.ToArray()));
        process.CloseInput();
        process.Dispose();
    }

    [Fact]
    public async Task Exit_ReportedOnlyAfterTheResultsPipeDrains()
    {
        // The process ends at once, but something outside its group holds fd 3, and only fd 3, and writes
        // a record 300 ms later: the exit must wait for it (ExitDrainTimeout is 2 s). The shell waits on a
        // FIFO until the helper has left the group: at the reap whatever is left in the group is killed,
        // and a helper not yet out (a first version of this test raced there) would be too. The helper
        // must not look like a stray of the worker either (StraySweeperTests): it drops the guard's mark
        // (env -i) and leaves only the group, not our session (setpgid, not setsid), so it is nobody's to kill.
        string fifo = Path.Combine(Path.GetTempPath(), $"tuiproc-escaped-{Guid.NewGuid():N}");
        const string Script = """
            mkfifo "$0" || exit 9
            env -i "$(command -v python3)" -c 'import os, sys, time; os.setpgid(0, 0); open(sys.argv[1], "w").write("out\n"); time.sleep(0.3); os.write(3, b"ok square 2 4\n")' "$0" </dev/null >/dev/null 2>&1 &
            read ready < "$0"; rm -f "$0"; exit 0
            """;
        using RealLauncher l = new();
        (_, RecordingEvents events) = l.Start(new LaunchRequest("/bin/sh", ["-c", Script, fifo]) { WithResults = true });

        WorkerExit exit = await events.ExitAsync();

        Assert.True(exit.Succeeded, exit.ToString());
        Assert.Equal(["ok square 2 4"], events.Lines(OutputChannel.Results));
        Assert.Equal(0, events.Breaches);
    }

    [Fact]
    public async Task Results_LongerThanMaxLineBytes_NeverCut_StdoutIs()
    {
        // The cube of a 2,000-digit N has 6,000 digits: past a 1,000-byte output limit, and more than a
        // pipe holds when N has 30,000 digits (so the worker blocks until the I/O loop reads, and the exit
        // still comes after the last byte).
        string n = "-" + new string('7', 30_000);
        using RealLauncher l = new(configure: o => o.MaxLineBytes = 1000);
        (_, RecordingEvents events) = l.Start(new LaunchRequest(Worker, ["cube", n, "--results-fd", "3"]) { WithResults = true });

        WorkerExit exit = await events.ExitAsync();

        Assert.True(exit.Succeeded, exit.ToString());
        string record = Assert.Single(events.Lines(OutputChannel.Results));
        Assert.StartsWith($"ok cube {n} -4", record, StringComparison.Ordinal);
        Assert.Equal(8 + n.Length + 1 + 90_001, record.Length);
        Assert.Contains("[line cut at", events.Lines(OutputChannel.Stdout)[0], StringComparison.Ordinal);
        Assert.Equal(0, events.Breaches);
    }

    [Theory]
    [InlineData(true, false, false)]
    [InlineData(true, true, false)]
    [InlineData(true, false, true)]
    [InlineData(true, true, true)]
    [InlineData(false, false, false)]
    [InlineData(false, true, false)]
    [InlineData(false, false, true)]
    [InlineData(false, true, true)]
    public async Task Child_HasExactlyFds012_And3OnlyWithResults(bool forkServer, bool withInput, bool withResults)
    {
        using RealLauncher l = new(forkServer);
        (IProcessHandle process, RecordingEvents events) = l.Start(
            new LaunchRequest(Worker, ["square", "3", "--steps", "1", "--wait-ms", "30000"]) { WithInput = withInput, WithResults = withResults });
        string[] expected = withResults ? ["0", "1", "2", "3"] : ["0", "1", "2"];
        // A forked child closes what it inherited (close_range) after the server has answered: wait for
        // that, bounded.
        string[] fds = [];
        await RealSupervisor.UntilAsync(() => (fds = OpenFds(process.Pid)).SequenceEqual(expected), "fds " + string.Join(',', expected));

        Assert.Equal(withInput ? "pipe:" : "/dev/null", FdTarget(process.Pid, 0)[..(withInput ? 5 : 9)]);
        Assert.StartsWith("pipe:", FdTarget(process.Pid, 1), StringComparison.Ordinal);
        Assert.StartsWith("pipe:", FdTarget(process.Pid, 2), StringComparison.Ordinal);
        if (withResults)
        {
            Assert.StartsWith("pipe:", FdTarget(process.Pid, 3), StringComparison.Ordinal);
        }

        l.AssertForkServerUsed(forkServer);
        process.Dispose();
        Assert.Equal("SIGKILL", (await events.ExitAsync()).SignalName);
    }

    [Fact]
    public async Task ManyPools_InputsInterleaved_EachGetsItsOwnRecords()
    {
        // Pipes of one child never leak into another started at the same time (each end is close-on-exec
        // and the fork server closes its copies): every pool ends when its own input closes.
        using RealLauncher l = new();
        (IProcessHandle Process, RecordingEvents Events)[] pools = [.. Enumerable.Range(0, 8).Select(_ =>
            l.Start(new LaunchRequest(Worker, ["pool", "--results-fd", "3"]) { WithInput = true, WithResults = true }))];
        for (int i = 0; i < pools.Length; i++)
        {
            Assert.True(pools[i].Process.WriteInput(Encoding.ASCII.GetBytes($"square {i}\ncube {i}\n")) > 0);
        }

        foreach ((IProcessHandle process, _) in pools)
        {
            process.CloseInput();
        }

        for (int i = 0; i < pools.Length; i++)
        {
            Assert.True((await pools[i].Events.ExitAsync()).Succeeded);
            Assert.Equal([$"ok square {i} {i * i}", $"ok cube {i} {i * i * i}"], pools[i].Events.Lines(OutputChannel.Results));
        }
    }

    private static string[] OpenFds(int pid) =>
        [.. Directory.GetFiles($"/proc/{pid}/fd").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    private static string FdTarget(int pid, int fd) => new FileInfo($"/proc/{pid}/fd/{fd}").LinkTarget ?? "";
}
