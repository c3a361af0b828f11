using System.Text;
using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Proc;

namespace TuiProcManager.Linux.Tests.Proc;

public sealed class ProcStatParserTests
{
    // A real line from /proc/[pid]/stat of a python3 process, with fields up to rss and beyond.
    private const string Python = "4242 (python3) S 4200 4200 4100 34816 4242 4194304 1200 0 0 0 250 30 0 0 20 0 3 0 987654 25000000 2500 18446744073709551615 1 1 0 0 0 0 0 16781312 2 0 0 0 17 1 0 0 0 0 0";

    [Fact]
    public void TryParse_RealLine_GivesEveryField()
    {
        Assert.True(ProcStatParser.TryParse(Encoding.ASCII.GetBytes(Python), 100, 4096, out ProcessStatus s));
        Assert.Equal(new ProcessStatus(4242, 4200, 4200, OsProcessState.Sleeping, TimeSpan.FromSeconds(2.8), 2500L * 4096, 3, 987654, "python3", 4100), s);
    }

    [Fact]
    public void TryParse_NameWithSpacesAndParentheses_EndsAtTheLastParenthesis()
    {
        string line = Python.Replace("(python3)", "(a) R (b)", StringComparison.Ordinal);
        Assert.True(ProcStatParser.TryParse(Encoding.ASCII.GetBytes(line), 100, 4096, out ProcessStatus s));
        Assert.Equal(("a) R (b", OsProcessState.Sleeping), (s.Name, s.State));
    }

    [Theory]
    [InlineData('R', OsProcessState.Running)]
    [InlineData('S', OsProcessState.Sleeping)]
    [InlineData('I', OsProcessState.Sleeping)]
    [InlineData('D', OsProcessState.DiskSleep)]
    [InlineData('T', OsProcessState.Stopped)]
    [InlineData('t', OsProcessState.TracingStop)]
    [InlineData('Z', OsProcessState.Zombie)]
    [InlineData('X', OsProcessState.Zombie)]
    [InlineData('?', OsProcessState.Unknown)]
    public void ToState_EveryLetter(char letter, OsProcessState expected) =>
        Assert.Equal(expected, ProcStatParser.ToState((byte)letter));

    [Theory]
    [InlineData("")]
    [InlineData("4242 (python3")]
    [InlineData("4242 (python3) S 1 2 3")]
    [InlineData("x (y) S 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1")]
    public void TryParse_TruncatedOrGarbage_IsRefused(string line) =>
        Assert.False(ProcStatParser.TryParse(Encoding.ASCII.GetBytes(line), 100, 4096, out _));

    [Fact]
    public void MachineStat_PerCoreBusyAndTotal_SkipsTheAggregateLine()
    {
        string stat = "cpu  10 0 10 80 0 0 0 0 0 0\ncpu0 5 1 4 40 10 0 0 0 7 0\ncpu1 5 0 5 40 0 0 0 0 0 0\nintr 1 2 3\n";
        MachineCpuTimes times = MachineStatParser.Parse(Encoding.ASCII.GetBytes(stat));
        Assert.Equal([new CoreTimes(10, 60), new CoreTimes(10, 50)], times.Cores.ToArray());
    }
}
