using System.Diagnostics;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// The runtime settings tuiproc ships with (src/TuiProcManager/TuiProcManager.csproj): dynamic PGO off and
/// no thread-pool spinning. A benchmark that charges the supervisor's CPU to the supervisor runs itself
/// again under them, as environment variables, so that the figures are the app's: with this project's
/// defaults the JIT's PGO thread and spinning pool threads cost more than the supervisor itself.
/// </summary>
internal static class AppRuntimeSettings
{
    private static readonly Dictionary<string, string> Variables = new()
    {
        ["DOTNET_TieredPGO"] = "0",
        ["DOTNET_ThreadPool_UnfairSemaphoreSpinLimit"] = "0",
    };

    /// <summary>Whether this process runs under them.</summary>
    public static bool InEffect => Variables.All(v => Environment.GetEnvironmentVariable(v.Key) == v.Value);

    /// <summary>Runs this program again with <paramref name="args"/> under the settings, output to ours; its exit code.</summary>
    public static int RunAgain(IEnumerable<string> args)
    {
        ProcessStartInfo start = new(TmuxSession.Dotnet);
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "TuiProcManager.Benchmarks.dll"));
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        foreach ((string name, string value) in Variables)
        {
            start.Environment[name] = value;
        }

        using Process child = Process.Start(start)!;
        child.WaitForExit();
        return child.ExitCode;
    }
}
