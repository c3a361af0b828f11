using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.Tests.TestSupport;

namespace TuiProcManager.Linux.Tests.Processes;

/// <summary>
/// Holding a process's output (<see cref="IProcessHandle.HoldOutput"/>), for real: the pipes are not read,
/// the process blocks in write() once they are full, and nothing it wrote is lost.
/// </summary>
public sealed class OutputHoldTests
{
    private static readonly TimeSpan Bound = RealSupervisor.Bound;

    [Fact]
    public async Task Held_AFloodingProcess_BlocksInWrite_NothingIsRead_ThenResumedItGoesOn()
    {
        using RealLauncher l = new();
        (IProcessHandle process, RecordingEvents events) = l.Start(new LaunchRequest("/usr/bin/yes", []));
        await RealSupervisor.UntilAsync(() => events.Lines(OutputChannel.Stdout).Length > 10_000, "yes flowing");

        process.HoldOutput(true);
        await RealSupervisor.UntilAsync(() => events.Holds is [.., true], "the hold applied");
        await RealSupervisor.UntilAsync(() => ProcessTable.State(process.Pid) == 'S', "yes asleep in write() on the full pipe");
        int atHold = events.Lines(OutputChannel.Stdout).Length;
        await Task.Delay(300);

        Assert.Equal(atHold, events.Lines(OutputChannel.Stdout).Length);
        Assert.Equal('S', ProcessTable.State(process.Pid));

        process.HoldOutput(false);
        await RealSupervisor.UntilAsync(() => events.Lines(OutputChannel.Stdout).Length > atHold + 10_000, "read again");
        Assert.Equal([true, false], events.Holds);
        process.Dispose();
        await events.ExitAsync();
        Assert.All(events.Lines(OutputChannel.Stdout), line => Assert.Equal("y", line));
        Assert.Equal(0, events.Breaches);
    }

    [Fact]
    public async Task ExitWhileHeld_IsReportedOnlyOnceReleased_AfterEveryLine_EvenPastTheDrainDeadline()
    {
        // The drain deadline closes pipes a stray holds open after an exit; a pipe we hold ourselves is not
        // the stray's, and closing it would lose what the process wrote last.
        using RealLauncher l = new(configure: o => o.ExitDrainTimeout = TimeSpan.FromMilliseconds(200));
        (IProcessHandle process, RecordingEvents events) = l.Start(new LaunchRequest("/bin/sh", ["-c", "read go; seq 1 20000"]) { WithInput = true });
        process.HoldOutput(true);
        await RealSupervisor.UntilAsync(() => events.Holds is [true], "held");

        Assert.True(process.WriteInput("go\n"u8.ToArray()) > 0);
        await Task.Delay(1000); // it writes what fits, blocks, ... and cannot end while its pipe is full

        Assert.False(events.Exit.IsCompleted);
        process.HoldOutput(false);
        WorkerExit exit = await events.ExitAsync();

        Assert.True(exit.Succeeded, exit.ToString());
        Assert.Equal(Enumerable.Range(1, 20_000).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)), events.Lines(OutputChannel.Stdout));
        Assert.Equal(0, events.Breaches);
    }

    [Fact]
    public async Task ProcessEndsWhileHeld_WithLessThanAPipeFull_ItsEndWaitsForTheRelease_AndItsLinesComeFirst()
    {
        using RealLauncher l = new(configure: o => o.ExitDrainTimeout = TimeSpan.FromMilliseconds(200));
        (IProcessHandle process, RecordingEvents events) = l.Start(new LaunchRequest("/bin/sh", ["-c", "read go; echo one; echo two"]) { WithInput = true });
        process.HoldOutput(true);
        await RealSupervisor.UntilAsync(() => events.Holds is [true], "held");
        Assert.True(process.WriteInput("go\n"u8.ToArray()) > 0);
        await RealSupervisor.UntilAsync(() => process.HasExited, "reaped (its end is not reported: the pipe is unread)");
        await Task.Delay(500); // past the drain deadline

        Assert.False(events.Exit.IsCompleted);
        Assert.Empty(events.Lines(OutputChannel.Stdout));

        process.HoldOutput(false);
        await events.ExitAsync();
        Assert.Equal(["one", "two"], events.Lines(OutputChannel.Stdout));
        Assert.Equal(0, events.Breaches);
    }
}
