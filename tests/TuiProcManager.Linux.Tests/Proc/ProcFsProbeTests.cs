using System.Diagnostics;
using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Proc;
using TuiProcManager.Linux.Tests.TestSupport;

namespace TuiProcManager.Linux.Tests.Proc;

/// <summary>Children as /proc lists them, on real processes: one thread's file, or every thread's.</summary>
public sealed class ProcFsProbeTests
{
    [Fact]
    public void ReadChildren_OfAOneThreadShell_WithItsThreadCount_FindsBothChildren()
    {
        using ProcFsProbe probe = new();
        using Process shell = Process.Start("sh", ["-c", "sleep 30 & sleep 30 & echo started; wait"]);
        try
        {
            int[] children = [];
            Stopwatch clock = Stopwatch.StartNew();
            while (children.Length < 2 && clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                Assert.True(probe.TryRead(shell.Id, out ProcessStatus status), "the shell is gone");
                Assert.Equal(1, status.Threads);
                children = [.. probe.ReadChildren(shell.Id, status.Threads)];
                Thread.Sleep(10);
            }

            Assert.Equal(2, children.Length);
            Assert.All(children, c => Assert.Equal(shell.Id, ProcessTable.ParentPid(c)));
            Assert.Equal(children.Order(), probe.ReadChildren(shell.Id, threads: 0).Order()); // listing its threads: the same
        }
        finally
        {
            shell.Kill(entireProcessTree: true);
            shell.WaitForExit();
        }
    }

    [Fact]
    public void ReadChildren_OfThisManyThreadedProcess_ThreadCountUnknown_FindsAChildForkedByAnyThread()
    {
        using ProcFsProbe probe = new();
        // Forked by a thread of its own, not the main one, which stays alive meanwhile: the child is listed
        // in that thread's children file only (a thread's children move to another thread when it exits).
        using ManualResetEventSlim started = new(), done = new();
        Process? sleeper = null;
        Thread starter = new(() =>
        {
            sleeper = Process.Start("sleep", "30");
            started.Set();
            done.Wait();
        });
        starter.Start();
        started.Wait();
        try
        {
            string main = File.ReadAllText($"/proc/{Environment.ProcessId}/task/{Environment.ProcessId}/children");
            Assert.DoesNotContain(sleeper!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), main.Split(' '));
            Assert.Contains(sleeper.Id, probe.ReadChildren(Environment.ProcessId, threads: 0));
        }
        finally
        {
            done.Set();
            starter.Join();
            sleeper!.Kill();
            sleeper.WaitForExit();
            sleeper.Dispose();
        }
    }

    [Fact]
    public void ReadChildren_NoSuchProcess_IsEmpty()
    {
        using ProcFsProbe probe = new();

        Assert.Empty(probe.ReadChildren(int.MaxValue, threads: 1));
        Assert.Empty(probe.ReadChildren(int.MaxValue, threads: 0));
    }
}
