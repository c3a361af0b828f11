using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace TuiProcManager.Tests.TestSupport;

/// <summary>The real <c>tuiproc</c>, built beside the tests, run as a child process.</summary>
internal static partial class Tuiproc
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    /// <summary>The NativeAOT tuiproc staged beside the tests (build/TuiprocNative.targets): what users run.</summary>
    public static readonly string NativeApp = NativeBinary.Path;

    /// <summary>
    /// The command that runs tuiproc in every test that starts it as a process: the native build, or, only
    /// where this machine cannot link one (no cc, gcc or clang: <c>NativeBuildTests</c> holds the build to
    /// that), the JIT build through the dotnet host.
    /// </summary>
    public static IReadOnlyList<string> Command { get; } = File.Exists(NativeApp)
        ? [NativeApp]
        : [DotnetHost(), Path.Combine(AppContext.BaseDirectory, "tuiproc.dll")];

    /// <summary>Starts <c>tuiproc ARGS</c> with its output captured.</summary>
    public static Running Start(params string[] args) => Start(null, args);

    /// <summary>Starts <c>tuiproc ARGS</c> with its output captured and <paramref name="unset"/> removed from its environment.</summary>
    public static Running Start(string[]? unset, params string[] args) => Start(unset, [], args);

    /// <summary>Starts <c>tuiproc ARGS</c> allowed at most <paramref name="openFiles"/> file descriptors (ulimit -n, through prlimit, which execs it).</summary>
    public static Running StartWithOpenFileLimit(int openFiles, params string[] args) =>
        Start(null, ["prlimit", $"--nofile={openFiles}:{openFiles}", "--"], args);

    /// <summary>Runs <c>tuiproc ARGS</c> to the end with <paramref name="environment"/> set.</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        using Running run = Start(null, [], args, environment);
        return await run.EndAsync();
    }

    private static Running Start(string[]? unset, string[] prefix, string[] args, IReadOnlyDictionary<string, string>? environment = null)
    {
        ProcessStartInfo start = new(prefix.Length > 0 ? prefix[0] : Command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (string name in unset ?? [])
        {
            start.Environment.Remove(name);
        }

        foreach ((string name, string value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        foreach (string a in prefix.Length > 0 ? [.. prefix[1..], .. Command] : Command.Skip(1))
        {
            start.ArgumentList.Add(a);
        }

        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        return new Running(Process.Start(start)!);
    }

    /// <summary>
    /// Starts <paramref name="script"/> under <c>sh -c</c>, with its output captured; in it,
    /// <c>$TUIPROC ARGS</c> runs tuiproc (the variable holds <see cref="Command"/>, word-split on purpose:
    /// no path in it has a space here, which the method checks).
    /// </summary>
    public static Running StartShell(string script)
    {
        string command = ShellCommand;
        ProcessStartInfo start = new("sh")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.Environment["TUIPROC"] = command;
        return new Running(Process.Start(start)!);
    }

    /// <summary>Runs <c>tuiproc ARGS</c> to the end.</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(params string[] args)
    {
        using Running run = Start(args);
        return await run.EndAsync();
    }

    public static void Signal(int pid, int signal) => Assert.Equal(0, Kill(pid, signal));

    /// <summary>SIGKILL, for cleaning up; false when there was nothing to kill.</summary>
    public static bool TryKill(int pid) => Kill(pid, 9) == 0;

    /// <summary>Events written with --events, parsed.</summary>
    public static List<JsonElement> ReadEvents(string path)
    {
        List<JsonElement> events = [];
        if (!File.Exists(path))
        {
            return events;
        }

        using FileStream file = new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using StreamReader reader = new(file);
        string[] lines = reader.ReadToEnd().Split('\n');
        foreach (string line in lines[..^1]) // the last piece is empty, or a line still being written
        {
            events.Add(JsonDocument.Parse(line).RootElement.Clone());
        }

        return events;
    }

    /// <summary>PIDs of every process the run reported: workers and their descendants.</summary>
    public static int[] ReportedPids(string eventsPath) =>
    [
        .. ReadEvents(eventsPath)
            .Where(e => e.GetProperty("type").GetString() is "spawned" or "descendantStateChanged")
            .Select(e => e.TryGetProperty("pid", out JsonElement pid) ? pid.GetInt32() : 0)
            .Where(pid => pid > 0)
            .Distinct(),
    ];

    public static bool IsAlive(int pid) => State(pid) is not (null or 'Z' or 'X');

    /// <summary>The state letter /proc shows for <paramref name="pid"/> (R, S, T, Z…), or null when there is no such process.</summary>
    public static char? State(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[stat.LastIndexOf(')') + 2];
        }
        catch (IOException)
        {
            return null;
        }
    }

    public static async Task UntilAsync(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow + Bound;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting: " + what);
            await Task.Delay(20);
        }
    }

    /// <summary><see cref="Command"/> as one line for a shell, which splits it into words (checked: no path has a space).</summary>
    internal static string ShellCommand
    {
        get
        {
            Assert.False(Command.Any(c => c.Contains(' ', StringComparison.Ordinal)), "a space in the path of tuiproc or its host: " + string.Join(" | ", Command));
            return string.Join(' ', Command);
        }
    }

    internal static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath! : "dotnet";

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    /// <summary>A running tuiproc; disposing it kills it (and anything it left) if a test failed halfway.</summary>
    internal sealed class Running(Process process) : IDisposable
    {
        private readonly Task<string> _stdout = process.StandardOutput.ReadToEndAsync();
        private readonly Task<string> _stderr = process.StandardError.ReadToEndAsync();

        public int Pid => process.Id;

        public async Task<(int Code, string Stdout, string Stderr)> EndAsync()
        {
            await process.WaitForExitAsync().WaitAsync(Bound);
            return (process.ExitCode, await _stdout, await _stderr);
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
    }
}
