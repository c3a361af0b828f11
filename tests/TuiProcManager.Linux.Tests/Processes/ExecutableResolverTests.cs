using TuiProcManager.Linux.Processes;

namespace TuiProcManager.Linux.Tests.Processes;

public sealed class ExecutableResolverTests
{
    [Fact]
    public void TryResolve_NameOnPath_FindsIt()
    {
        Assert.True(ExecutableResolver.Instance.TryResolve("sh", out string? path, out _));
        Assert.True(Path.IsPathFullyQualified(path));
    }

    [Theory]
    [InlineData("no-such-program-here", "command not found: no-such-program-here")]
    [InlineData("/no/such/file", "/no/such/file: no such file")]
    [InlineData("/tmp", "/tmp is a directory")]
    public void TryResolve_Missing_SaysWhy(string program, string expected)
    {
        Assert.False(ExecutableResolver.Instance.TryResolve(program, out _, out string? error));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryResolve_FileWithoutExecuteBit_SuggestsTheInterpreter()
    {
        string script = Path.Combine(Path.GetTempPath(), $"tuiproc-{Guid.NewGuid():N}.py");
        File.WriteAllText(script, "print(1)");
        try
        {
            Assert.False(ExecutableResolver.Instance.TryResolve(script, out _, out string? error));
            Assert.Contains("not executable", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(script);
        }
    }
}
