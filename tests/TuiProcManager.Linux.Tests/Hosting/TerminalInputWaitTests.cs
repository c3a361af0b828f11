using System.Globalization;
using System.Runtime.InteropServices;
using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Hosting;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Tests.Hosting;

/// <summary>
/// The wait the UI's input thread sleeps in, on a pipe standing in for the terminal: a key wakes it, a
/// terminal that hangs up is told apart from no input, and a stop ends a wait that would otherwise last
/// its whole bound (the UI's shutdown waits for that thread).
/// </summary>
public sealed class TerminalInputWaitTests : IDisposable
{
    /// <summary>Far beyond what a loaded machine needs, short of a hang.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>Longer than <see cref="Bound"/>: a wait that is not ended by what the test does fails it.</summary>
    private const int LongWaitMs = 10 * 60 * 1000;

    private readonly int _read;
    private int _write;

    public unsafe TerminalInputWaitTests()
    {
        int* fds = stackalloc int[2];
        Assert.Equal(0, Libc.Pipe2(fds, Libc.O_CLOEXEC));
        (_read, _write) = (fds[0], fds[1]);
    }

    [Fact]
    public unsafe void WaitForInput_BytesToRead_IsReady()
    {
        TerminalInputWait wait = new(_read);
        byte key = (byte)'q';
        Assert.Equal(1, Libc.Write(_write, &key, 1));

        Assert.Equal(TerminalInputStatus.Ready, WaitWithin(wait, LongWaitMs));
    }

    [Fact]
    public void WaitForInput_NothingToRead_IsNoneAfterTheTimeout()
    {
        Assert.Equal(TerminalInputStatus.None, new TerminalInputWait(_read).WaitForInput(0));
    }

    [Fact]
    public void WaitForInput_TheWriterGone_IsHungUp()
    {
        TerminalInputWait wait = new(_read);
        CloseWriter();

        Assert.Equal(TerminalInputStatus.HungUp, WaitWithin(wait, LongWaitMs));
    }

    [Fact]
    public void StopWaiting_BeforeTheFirstWait_TheWaitReturnsAtOnce()
    {
        TerminalInputWait wait = new(_read);
        wait.StopWaiting();

        Assert.Equal(TerminalInputStatus.None, WaitWithin(wait, LongWaitMs));
    }

    [Fact]
    public void StopWaiting_WhileAThreadSleepsInPoll_WakesIt()
    {
        TerminalInputWait wait = new(_read);
        Assert.Equal(TerminalInputStatus.None, wait.WaitForInput(0)); // the first wait makes the wake-up pipe
        int tid = 0;
        TerminalInputStatus status = TerminalInputStatus.Ready;
        Thread waiter = new(() =>
        {
            Volatile.Write(ref tid, CurrentThreadId());
            status = wait.WaitForInput(LongWaitMs);
        })
        { IsBackground = true };
        waiter.Start();
        DateTime deadline = DateTime.UtcNow + Bound;
        while (Volatile.Read(ref tid) == 0 || !InPoll(tid))
        {
            Assert.True(DateTime.UtcNow < deadline, "the waiting thread never got into poll");
            Thread.Yield();
        }

        wait.StopWaiting();

        Assert.True(waiter.Join(Bound), "StopWaiting did not end the wait");
        Assert.Equal(TerminalInputStatus.None, status);
    }

    public void Dispose()
    {
        _ = Libc.Close(_read);
        CloseWriter();
    }

    private void CloseWriter()
    {
        if (_write >= 0)
        {
            _ = Libc.Close(_write);
            _write = -1;
        }
    }

    /// <summary>The wait's result, on a thread of its own, failing the test if it takes longer than <see cref="Bound"/>.</summary>
    private static TerminalInputStatus WaitWithin(TerminalInputWait wait, int timeoutMs)
    {
        Task<TerminalInputStatus> waiting = Task.Factory.StartNew(() => wait.WaitForInput(timeoutMs), TaskCreationOptions.LongRunning);
        Assert.True(waiting.Wait(Bound), "the wait did not end");
        return waiting.Result;
    }

    /// <summary>The kernel's id of the calling thread (/proc/thread-self names it).</summary>
    private static int CurrentThreadId() =>
        int.Parse(Path.GetFileName(new FileInfo("/proc/thread-self").LinkTarget!), CultureInfo.InvariantCulture);

    /// <summary>Whether thread <paramref name="tid"/> of this process is inside poll(2) or ppoll(2) now.</summary>
    private static bool InPoll(int tid)
    {
        string number = File.ReadAllText($"/proc/self/task/{tid}/syscall").Split(' ')[0];
        int[] polls = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? [73] : [7, 271];
        return polls.Any(p => number == p.ToString(CultureInfo.InvariantCulture));
    }
}
