using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.Labs;

/// <summary><c>tuiproc lab</c> alone: the labs that ship, with the student's progress in each.</summary>
public sealed class LabListCommandTests : IDisposable
{
    private readonly LabStateHome _state = new();

    [Fact]
    public async Task Lab_Alone_ListsTheShippedLabs_WithTheStudentsProgress()
    {
        (int code, string stdout, string stderr) = await _state.Tuiproc("lab");

        Assert.Equal(0, code);
        Assert.Empty(stderr);
        foreach (string lab in new[] { "1   lesson", "2   cpus", "3   signals", "4   async", "5   pool" })
        {
            Assert.Contains(lab, stdout, StringComparison.Ordinal);
        }

        Assert.Contains("not started", stdout, StringComparison.Ordinal);
        Assert.Contains(_state.ProgressDirectory, stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lab_Alone_PointsToTheSubcommands()
    {
        (_, string stdout, _) = await _state.Tuiproc("lab");

        Assert.StartsWith("Labs (tuiproc lab N opens one; tuiproc lab FILE opens a lab file of your own; tuiproc lab --help for check, report, reset):\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_ListsEverySubcommand_NotTheOlderFlags()
    {
        (int code, string stdout, string stderr) = await _state.Tuiproc("lab", "--help");

        Assert.Equal((0, ""), (code, stderr));
        foreach (string subcommand in new[] { "open <LAB>", "check <LAB> <FILE>", "report <LAB>", "reset <LAB>" })
        {
            Assert.Contains("  " + subcommand, stdout, StringComparison.Ordinal);
        }

        foreach (string flag in new[] { "--check", "--report", "--reset" })
        {
            Assert.DoesNotContain(flag, stdout, StringComparison.Ordinal);
        }

        Assert.Contains("--theme", stdout, StringComparison.Ordinal); // the UI's options, for tuiproc lab LAB
    }

    public void Dispose() => _state.Dispose();
}
