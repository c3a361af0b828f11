using System.Text;

namespace TuiProcManager.Worker.Tests;

/// <summary>The guard's side of what the supervisor tells it (<c>PID START\n</c> lines), and its reading of /proc.</summary>
public sealed class GuardProtocolTests
{
    [Theory]
    [InlineData("1234 987654321", true, 1234, 987654321UL)]
    [InlineData("1 0", true, 1, 0UL)]
    [InlineData("bye", false, 0, 0UL)]
    [InlineData("", false, 0, 0UL)]
    [InlineData("1234", false, 0, 0UL)]
    [InlineData("1234 ", false, 0, 0UL)]
    [InlineData(" 1234 5", false, 0, 0UL)]
    [InlineData("0 5", false, 0, 0UL)]
    [InlineData("-3 5", false, 0, 0UL)]
    [InlineData("12 5 6", false, 0, 0UL)]
    [InlineData("12x 5", false, 0, 0UL)]
    public void TryParseReport_TakesOnlyPidSpaceStartTime(string line, bool ok, int pid, ulong start)
    {
        Assert.Equal(ok, GuardMode.TryParseReport(Encoding.ASCII.GetBytes(line), out int p, out ulong s));
        if (ok)
        {
            Assert.Equal((pid, start), (p, s));
        }
    }

    [Fact]
    public void TryReadStat_OfThisProcess_GivesItsParentAndAStartTime_AndItIsNotHalted()
    {
        Assert.True(GuardProc.TryReadStat(Environment.ProcessId, out GuardProc.Stat stat));
        string text = File.ReadAllText("/proc/self/stat");
        string[] fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        Assert.Equal(int.Parse(fields[1]), stat.ParentPid); // field 4
        Assert.Equal(ulong.Parse(fields[19]), stat.StartTime); // field 22
        Assert.True(stat.Threads > 1);
        Assert.False(GuardProc.IsHalted(Environment.ProcessId));
    }

    [Fact]
    public void TryReadStat_NoSuchProcess_IsFalse_AndCountsAsHalted()
    {
        Assert.False(GuardProc.TryReadStat(int.MaxValue, out _));
        Assert.True(GuardProc.IsHalted(int.MaxValue));
    }
}
