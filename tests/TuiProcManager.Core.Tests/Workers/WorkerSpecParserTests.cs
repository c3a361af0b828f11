using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Workers;

public sealed class WorkerSpecParserTests
{
    [Theory]
    [InlineData("square:10", WorkerKind.Square, "10")]
    [InlineData("cube:10", WorkerKind.Cube, "10")]
    [InlineData("cube:-3", WorkerKind.Cube, "-3")]
    [InlineData("square:+7", WorkerKind.Square, "7")]
    [InlineData("square:007", WorkerKind.Square, "7")]
    [InlineData("square:-0", WorkerKind.Square, "0")]
    [InlineData("SQUARE:2", WorkerKind.Square, "2")]
    [InlineData(" cube : 4 ", WorkerKind.Cube, "4")]
    [InlineData("square:123456789012345678901234567890", WorkerKind.Square, "123456789012345678901234567890")]
    public void TryParse_Valid_GivesKindAndCanonicalNumber(string text, WorkerKind kind, string number)
    {
        Assert.True(WorkerSpecParser.TryParse(text, Workload.Instant, out WorkerSpec? spec, out string? error), error);
        Assert.Equal(kind, spec.Kind);
        Assert.Equal(number, spec.Number);
    }

    [Theory]
    [InlineData("square:abc", "N must be an integer, got 'abc'")]
    [InlineData("square:1e5", "N must be an integer, got '1e5'")]
    [InlineData("square:1.5", "N must be an integer, got '1.5'")]
    [InlineData("square:0x10", "N must be an integer, got '0x10'")]
    [InlineData("square:--", "N must be an integer, got '--'")]
    [InlineData("cube:-", "N must be an integer, got '-'")]
    [InlineData("square:", "missing N after ':'")]
    [InlineData("square", "expected KIND:N")]
    [InlineData("", "expected KIND:N")]
    [InlineData(":10", "missing kind before ':'")]
    [InlineData("hexagon:3", "unknown worker kind 'hexagon'")]
    [InlineData("square:١٢", "N must be an integer")] // Arabic-Indic digits are digits to .NET, not to us
    [InlineData("square:1 2", "N must be an integer")]
    public void TryParse_Invalid_OneLineThatNamesTheProblem(string text, string expected)
    {
        Assert.False(WorkerSpecParser.TryParse(text, Workload.Instant, out _, out string? error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error);
    }

    [Fact]
    public void TryParse_TooManyDigits_IsRefusedWithTheCount()
    {
        string text = "square:" + new string('9', WorkerSpecParser.MaxDigits + 1);

        Assert.False(WorkerSpecParser.TryParse(text, Workload.Instant, out _, out string? error));
        Assert.EndsWith($"N has {WorkerSpecParser.MaxDigits + 1} digits; at most {WorkerSpecParser.MaxDigits} are accepted", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_HundredThousandDigits_IsAccepted()
    {
        Assert.True(WorkerSpecParser.TryParse("cube:" + new string('7', 100_000), Workload.Instant, out WorkerSpec? spec, out _));
        Assert.StartsWith("cube 7777777777…7777777777 (100000 digits)", spec.DisplayName, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_LongGarbage_MessageStaysShort()
    {
        Assert.False(WorkerSpecParser.TryParse(new string('x', 10_000), Workload.Instant, out _, out string? error));
        Assert.True(error.Length < 150, error);
    }
}
