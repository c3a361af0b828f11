using System.CommandLine;
using Microsoft.Extensions.Time.Testing;
using TuiProcManager.CommandLine;
using TuiProcManager.Core.Os;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Linux.Files;
using TuiProcManager.Linux.Processes;

namespace TuiProcManager.Tests.TestSupport;

/// <summary>
/// <c>tuiproc lab …</c> run in this process with the facts a test states instead of this machine's: the
/// time (a <see cref="FakeTimeProvider"/>), the cores, and a progress folder of the test's own.
/// </summary>
internal sealed class LabInProcess : IDisposable
{
    /// <summary>The clock the commands read; it stands still unless the test moves it.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2031, 2, 3, 4, 5, 6, TimeSpan.Zero));

    /// <summary>The machine the commands are told they run on.</summary>
    public MachineFacts Machine { get; init; } = new(Cores: 64);

    /// <summary>Where the progress is kept (deleted at the end).</summary>
    public string ProgressDirectory { get; } = Directory.CreateTempSubdirectory("tuiproc-labinproc-").FullName;

    /// <summary>Parses <paramref name="args"/> (after <c>lab</c>; it must parse) and runs the command to the end.</summary>
    public async Task<(int Code, string Stdout, string Stderr)> LabAsync(params string[] args)
    {
        StringWriter stdout = new(), stderr = new();
        ProgressStore store = new(RegularFileReader.Instance, ProgressDirectory);
        LabCommandContext context = new(stdout, stderr, Clock, Machine, ExecutableResolver.Instance, store);
        RootCommand root = new() { LabCommand.Create(context) };
        ParseResult parsed = root.Parse(["lab", .. args]);
        Assert.Empty(parsed.Errors);
        int code = await parsed.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (code, stdout.ToString(), stderr.ToString());
    }

    public void Dispose() => Directory.Delete(ProgressDirectory, recursive: true);
}
