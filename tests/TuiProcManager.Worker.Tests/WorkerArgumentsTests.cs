using TuiProcManager.Worker;

namespace TuiProcManager.Worker.Tests;

public sealed class WorkerArgumentsTests
{
    [Theory]
    [InlineData(new[] { "square", "10" }, "square", "10", 0, 0, 0)]
    [InlineData(new[] { "cube", "-3", "--steps", "5", "--work-ms=200", "--wait-ms", "300" }, "cube", "-3", 5, 200, 300)]
    [InlineData(new[] { "square", "--steps=2", "7" }, "square", "7", 2, 0, 0)]
    public void TryParse_Valid(string[] args, string kind, string n, int steps, int work, int wait)
    {
        Assert.True(WorkerArguments.TryParse(args, out WorkerArguments? parsed, out string? error), error);
        Assert.Equal(new WorkerArguments(kind == "square" ? WorkerKind.Square : WorkerKind.Cube, n, steps, work, wait), parsed);
        Assert.Equal(-1, parsed.ResultsFd); // no results fd unless asked for
    }

    [Theory]
    [InlineData(new[] { "square", "10", "--results-fd", "3" }, 3)]
    [InlineData(new[] { "cube", "--results-fd=7", "-2", "--steps", "1" }, 7)]
    [InlineData(new[] { "square", "1", "--results-fd=0" }, 0)]
    public void TryParse_ResultsFd(string[] args, int fd)
    {
        Assert.True(WorkerArguments.TryParse(args, out WorkerArguments? parsed, out string? error), error);
        Assert.Equal(fd, parsed.ResultsFd);
    }

    [Theory]
    [InlineData(new string[0], "missing worker kind")]
    [InlineData(new[] { "hexagon", "3" }, "unknown worker kind 'hexagon'")]
    [InlineData(new[] { "square" }, "missing N")]
    [InlineData(new[] { "square", "abc" }, "N must be an integer, got 'abc'")]
    [InlineData(new[] { "square", "1e5" }, "N must be an integer")]
    [InlineData(new[] { "square", "1", "2" }, "unexpected argument '2'")]
    [InlineData(new[] { "square", "1", "--steps" }, "--steps needs a value")]
    [InlineData(new[] { "square", "1", "--steps", "-1" }, "--steps must be a whole number from 0 to 1000000, got '-1'")]
    [InlineData(new[] { "square", "1", "--wait-ms=99999999999" }, "--wait-ms must be a whole number")]
    [InlineData(new[] { "square", "1", "--bogus" }, "unknown option '--bogus'")]
    [InlineData(new[] { "square", "1", "--results-fd" }, "--results-fd needs a value")]
    [InlineData(new[] { "square", "1", "--results-fd=-1" }, "--results-fd must be a whole number from 0 to 2147483647, got '-1'")]
    [InlineData(new[] { "square", "1", "--results-fd", "three" }, "--results-fd must be a whole number")]
    public void TryParse_Invalid_NamesTheProblem(string[] args, string expected)
    {
        Assert.False(WorkerArguments.TryParse(args, out _, out string? error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}

public sealed class PoolArgumentsTests
{
    [Theory]
    [InlineData(new[] { "pool" }, 0, 0, 0, -1)]
    [InlineData(new[] { "pool", "--results-fd", "3" }, 0, 0, 0, 3)]
    [InlineData(new[] { "pool", "--steps=5", "--work-ms", "10", "--wait-ms=20", "--results-fd=4" }, 5, 10, 20, 4)]
    public void TryParse_Valid(string[] args, int steps, int work, int wait, int fd)
    {
        Assert.True(PoolArguments.TryParse(args, out PoolArguments? parsed, out string? error), error);
        Assert.Equal(new PoolArguments(new WorkerOptions(steps, work, wait, fd)), parsed);
    }

    [Theory]
    [InlineData(new[] { "pool", "10" }, "unexpected argument '10' (a pool reads its inputs from stdin)")]
    [InlineData(new[] { "pool", "--results-fd" }, "--results-fd needs a value")]
    [InlineData(new[] { "pool", "--steps", "x" }, "--steps must be a whole number from 0 to 1000000, got 'x'")]
    [InlineData(new[] { "pool", "--bogus=1" }, "unknown option '--bogus'")]
    public void TryParse_Invalid_NamesTheProblem(string[] args, string expected)
    {
        Assert.False(PoolArguments.TryParse(args, out _, out string? error));
        Assert.Equal(expected, error);
    }
}
