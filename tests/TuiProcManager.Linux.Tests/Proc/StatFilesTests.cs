using System.Diagnostics;
using System.Text;
using TuiProcManager.Linux.Proc;

namespace TuiProcManager.Linux.Tests.Proc;

/// <summary>Kept-open /proc/PID/stat descriptors, on real processes.</summary>
public sealed class StatFilesTests
{
    [Fact]
    public void Read_LiveProcess_ThenReaped_ReadsUntilReapedAndThenLetsGo()
    {
        using StatFiles files = new();
        byte[] buffer = new byte[4096];
        using Process sleeper = Process.Start("sleep", "30");

        int first = files.Read(sleeper.Id, buffer);
        string stat = Encoding.ASCII.GetString(buffer, 0, first);
        int again = files.Read(sleeper.Id, buffer);

        Assert.StartsWith($"{sleeper.Id} (sleep) ", stat, StringComparison.Ordinal);
        Assert.True(again > 0);
        Assert.Equal(1, files.OpenCount); // the same descriptor, read twice

        sleeper.Kill();
        sleeper.WaitForExit(); // reaped: the kept descriptor now fails with ESRCH

        Assert.Equal(0, files.Read(sleeper.Id, buffer));
        Assert.Equal(0, files.OpenCount);
    }

    [Fact]
    public void Read_NoSuchProcess_ReturnsZeroAndKeepsNothing()
    {
        using StatFiles files = new();

        Assert.Equal(0, files.Read(int.MaxValue, new byte[4096]));
        Assert.Equal(0, files.OpenCount);
    }

    [Fact]
    public async Task Sweep_ClosesDescriptorsNoLongerRead()
    {
        using StatFiles files = new(sweepEvery: TimeSpan.FromMilliseconds(50));
        byte[] buffer = new byte[4096];
        using Process a = Process.Start("sleep", "30");
        using Process b = Process.Start("sleep", "30");
        try
        {
            files.Read(a.Id, buffer);
            files.Read(b.Id, buffer);
            Assert.Equal(2, files.OpenCount);

            // Only a is read from now on: b is closed after two sweeps without a reading.
            for (int i = 0; i < 6; i++)
            {
                await Task.Delay(60);
                files.Read(a.Id, buffer);
            }

            Assert.Equal(1, files.OpenCount);
            Assert.True(files.Read(b.Id, buffer) > 0); // and opened again when asked for
        }
        finally
        {
            a.Kill();
            b.Kill();
        }
    }
}
