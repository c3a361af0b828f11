using TuiProcManager.Core.Results;
using TuiProcManager.Headless;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.Headless;

/// <summary>
/// <see cref="RunFiles"/> in this process: which of our own streams the events file is (the runner keeps
/// the human output off it), and a results file whose writes fail.
/// </summary>
public sealed class RunFilesTests
{
    [Theory]
    [InlineData("/dev/stdout", "Stdout")]
    [InlineData("/dev/fd/1", "Stdout")]
    [InlineData("/proc/self/fd/1", "Stdout")]
    [InlineData("/dev/stderr", "Stderr")]
    [InlineData("/proc/self/fd/2", "Stderr")]
    public void TryOpen_EventsNamingOurStdoutOrStderr_SaysWhich(string path, string target)
    {
        EventsTarget expected = Enum.Parse<EventsTarget>(target); // internal: not a parameter type of a public test
        Assert.True(RunFiles.TryOpen(path, null, out RunFiles? files, out string? error), error);
        using (files)
        {
            Assert.Equal(expected, files.EventsTarget);
            Assert.Empty(files.Notes);
        }
    }

    [Fact]
    public void TryOpen_EventsToAFile_IsNeitherStream()
    {
        using TempFile events = new(".jsonl");

        Assert.True(RunFiles.TryOpen(events.Path, null, out RunFiles? files, out string? error), error);
        using (files)
        {
            Assert.Equal(EventsTarget.None, files.EventsTarget);
        }
    }

    [Fact]
    public void ResultsWrite_ToAFullDevice_ReturnsOneLine_DoesNotThrow()
    {
        Assert.True(RunFiles.TryOpen(null, "/dev/full", out RunFiles? files, out string? error), error);
        using (files)
        {
            string? problem = files.Results!.Write(new ResultsTable());

            Assert.Equal("cannot write the results file '/dev/full': No space left on device", problem);
        }
    }
}
