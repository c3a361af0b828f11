using System.Diagnostics;
using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Proc;
using TuiProcManager.Linux.Tests.TestSupport;

namespace TuiProcManager.Linux.Tests.Proc;

/// <summary>
/// The supervisor's probe reuses the reading of a process that has not run since: on real processes, that
/// it does, and that every change a process can go through is still seen (the reason it is safe to reuse).
/// </summary>
public sealed class UnchangedProcessProbeTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    /// <summary>Longer than any test: a change is seen because the process ran, never because the reading expired.</summary>
    private static readonly TimeSpan OnlyARunCounts = TimeSpan.FromHours(1);

    [Fact]
    public void TryRead_ASleepingProcess_IsReused_UntilASignalMakesItRun()
    {
        using UnchangedProcessProbe probe = new(OnlyARunCounts);
        using Process sleeper = Process.Start("sleep", "30");
        try
        {
            ProcessStatus quiet = ReadUntilReused(probe, sleeper.Id);
            Assert.Equal(OsProcessState.Sleeping, quiet.State);

            ProcessTable.Signal(sleeper.Id, 19); // SIGSTOP: it runs to stop
            ProcessStatus stopped = Poll(probe, sleeper.Id, s => s.State == OsProcessState.Stopped);

            Assert.Equal(quiet.StartTime, stopped.StartTime);
        }
        finally
        {
            sleeper.Kill();
            sleeper.WaitForExit();
        }
    }

    [Fact]
    public void ReadChildren_AQuietParentThatForks_TheNewChildIsListed()
    {
        using UnchangedProcessProbe probe = new(OnlyARunCounts);
        using Process shell = Start("sh", "-c", "read a; sleep 30 & read b");
        try
        {
            ProcessStatus quiet = ReadUntilReused(probe, shell.Id);
            Assert.Empty(probe.ReadChildren(shell.Id, quiet.Threads)); // the reused list

            shell.StandardInput.WriteLine("fork");
            shell.StandardInput.Flush();
            int[] children = [];
            Stopwatch clock = Stopwatch.StartNew();
            while (children.Length == 0 && clock.Elapsed < Bound)
            {
                probe.BeginRound(mayReuse: true);
                Assert.True(probe.TryRead(shell.Id, out ProcessStatus status));
                children = [.. probe.ReadChildren(shell.Id, status.Threads)];
                Thread.Sleep(10);
            }

            int child = Assert.Single(children);
            Assert.Equal(shell.Id, ProcessTable.ParentPid(child));
        }
        finally
        {
            shell.Kill(entireProcessTree: true);
            shell.WaitForExit();
        }
    }

    [Fact]
    public void TryRead_AQuietChildWhoseParentExits_IsReadAgain_WithItsNewParent()
    {
        using UnchangedProcessProbe probe = new(OnlyARunCounts);
        using Process shell = Start("sh", "-c", "sleep 30 & echo $!; read a");
        int child = int.Parse(shell.StandardOutput.ReadLine()!, System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            Assert.Equal(shell.Id, ReadUntilReused(probe, child).ParentPid);

            shell.StandardInput.WriteLine("exit"); // the child neither runs nor is told: it is re-parented
            shell.StandardInput.Flush();
            ProcessStatus orphan = Poll(probe, child, s => s.ParentPid != shell.Id);

            Assert.Equal(ProcessTable.ParentPid(child), orphan.ParentPid);
        }
        finally
        {
            ProcessTable.Kill(child);
            shell.WaitForExit();
        }
    }

    [Fact]
    public void ReadChildren_AChildTheKernelReaped_WhileItsParentSlept_IsNotListed()
    {
        using UnchangedProcessProbe probe = new(OnlyARunCounts);
        // Ignoring SIGCHLD: the kernel reaps the child at its exit, and the parent (blocked reading) never runs.
        using Process parent = Start("python3", "-c",
            "import signal, subprocess, sys; signal.signal(signal.SIGCHLD, signal.SIG_IGN); print(subprocess.Popen(['sleep', '3']).pid, flush=True); sys.stdin.readline()");
        int child = int.Parse(parent.StandardOutput.ReadLine()!, System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            ProcessStatus quiet = ReadUntilReused(probe, parent.Id);
            Assert.Contains(child, probe.ReadChildren(parent.Id, quiet.Threads));
            Assert.True(probe.TryRead(child, out _));

            Stopwatch clock = Stopwatch.StartNew();
            while (ProcessTable.StatFields(child) is not null && clock.Elapsed < Bound)
            {
                Thread.Sleep(20);
            }

            int reused = probe.Counts.Reused;
            probe.BeginRound(mayReuse: true);
            Assert.True(probe.TryRead(parent.Id, out ProcessStatus status));
            Assert.Equal(reused + 1, probe.Counts.Reused); // the parent did not run: its list is the one checked
            Assert.DoesNotContain(child, probe.ReadChildren(parent.Id, status.Threads));
        }
        finally
        {
            parent.Kill();
            parent.WaitForExit();
        }
    }

    [Fact]
    public void TryRead_InARoundThatMayNotReuse_ASleepingProcess_IsReadAfresh()
    {
        using UnchangedProcessProbe probe = new(OnlyARunCounts);
        using Process sleeper = Process.Start("sleep", "30");
        try
        {
            _ = ReadUntilReused(probe, sleeper.Id);
            (int fresh, int reused) = probe.Counts;

            probe.BeginRound(mayReuse: false);
            Assert.True(probe.TryRead(sleeper.Id, out _));

            Assert.Equal((fresh + 1, reused), probe.Counts);
        }
        finally
        {
            sleeper.Kill();
            sleeper.WaitForExit();
        }
    }

    [Fact]
    public void TryRead_AProcessOfSeveralThreads_IsAlwaysReadAfresh()
    {
        using UnchangedProcessProbe probe = new(OnlyARunCounts);
        for (int round = 0; round < 5; round++)
        {
            probe.BeginRound(mayReuse: true);
            Assert.True(probe.TryRead(Environment.ProcessId, out ProcessStatus self));
            Assert.True(self.Threads > 1);
        }

        Assert.Equal((5, 0), probe.Counts);
    }

    [Fact]
    public void AnyRanSinceLastRead_ASleepingProcess_FalseOnceQuiet_TrueAfterItRan()
    {
        // What lets an unwatched supervisor rest: false only while every process read stood still.
        using UnchangedProcessProbe probe = new(OnlyARunCounts);
        using Process sleeper = Process.Start("sleep", "30");
        try
        {
            probe.BeginRound(mayReuse: true);
            Assert.True(probe.TryRead(sleeper.Id, out _));
            Assert.True(probe.AnyRanSinceLastRead); // read for the first time: cannot tell

            _ = ReadUntilReused(probe, sleeper.Id);
            probe.BeginRound(mayReuse: true);
            Assert.True(probe.TryRead(sleeper.Id, out _));
            Assert.False(probe.AnyRanSinceLastRead);

            ProcessTable.Signal(sleeper.Id, 19); // SIGSTOP: it runs to stop
            _ = Poll(probe, sleeper.Id, s => s.State == OsProcessState.Stopped);
            Assert.True(probe.AnyRanSinceLastRead);
        }
        finally
        {
            sleeper.Kill();
            sleeper.WaitForExit();
        }
    }

    [Fact]
    public void AnyRanSinceLastRead_ABusyProcess_True()
    {
        using UnchangedProcessProbe probe = new(OnlyARunCounts);
        using Process busy = Start("sh", "-c", "while :; do :; done");
        try
        {
            for (int round = 0; round < 3; round++)
            {
                probe.BeginRound(mayReuse: true);
                Assert.True(probe.TryRead(busy.Id, out _));
                Assert.True(probe.AnyRanSinceLastRead, $"round {round}");
                Thread.Sleep(20);
            }
        }
        finally
        {
            busy.Kill();
            busy.WaitForExit();
        }
    }

    [Fact]
    public void TryRead_NoSuchProcess_IsFalse()
    {
        using UnchangedProcessProbe probe = new(OnlyARunCounts);
        probe.BeginRound(mayReuse: true);

        Assert.False(probe.TryRead(int.MaxValue, out _));
        Assert.Empty(probe.ReadChildren(int.MaxValue, threads: 1));
    }

    /// <summary>Rounds until a reading of <paramref name="pid"/> is reused (it has gone to sleep for good).</summary>
    private static ProcessStatus ReadUntilReused(UnchangedProcessProbe probe, int pid)
    {
        Stopwatch clock = Stopwatch.StartNew();
        while (clock.Elapsed < Bound)
        {
            int reused = probe.Counts.Reused;
            probe.BeginRound(mayReuse: true);
            Assert.True(probe.TryRead(pid, out ProcessStatus status), $"process {pid} is gone");
            if (probe.Counts.Reused > reused)
            {
                return status;
            }

            Thread.Sleep(20);
        }

        throw new TimeoutException($"process {pid} never went quiet");
    }

    /// <summary>Rounds until a reading satisfies <paramref name="condition"/>.</summary>
    private static ProcessStatus Poll(UnchangedProcessProbe probe, int pid, Func<ProcessStatus, bool> condition)
    {
        Stopwatch clock = Stopwatch.StartNew();
        while (clock.Elapsed < Bound)
        {
            probe.BeginRound(mayReuse: true);
            if (probe.TryRead(pid, out ProcessStatus status) && condition(status))
            {
                return status;
            }

            Thread.Sleep(20);
        }

        throw new TimeoutException($"process {pid}: the change was not seen");
    }

    private static Process Start(string program, params string[] args)
    {
        ProcessStartInfo start = new(program) { RedirectStandardInput = true, RedirectStandardOutput = true };
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        return Process.Start(start)!;
    }
}
