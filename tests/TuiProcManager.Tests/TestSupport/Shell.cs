using System.Diagnostics;

namespace TuiProcManager.Tests.TestSupport;

/// <summary>
/// A bash script with the real <c>tuiproc</c> as <c>$TP</c>: for what only a shell sets up (a pipe into a
/// reader that starts late or closes early, a FIFO, a redirection).
/// </summary>
internal static class Shell
{
    /// <summary>Runs <paramref name="script"/> to its end (at most <paramref name="bound"/>, then it is killed and the test fails).</summary>
    public static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string script, TimeSpan? bound = null)
    {
        ProcessStartInfo start = new("bash", ["-c", "set -o pipefail; " + script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        start.Environment["TP"] = Tuiproc.ShellCommand;
        start.Environment.Remove("PYTHONUNBUFFERED");
        using Process process = Process.Start(start)!;
        Task<string> stdout = process.StandardOutput.ReadToEndAsync();
        Task<string> stderr = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(bound ?? Tuiproc.Bound);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout, await stderr);
    }
}
