using System.Diagnostics;

namespace TuiProcManager.Tests.TestSupport;

/// <summary>
/// Runs a command to its end in a terminal of its own (util-linux script(1) makes the pseudo-terminal): for
/// <c>tuiproc attach</c> where it must give up before its UI starts, so that its line is all the terminal
/// shows. Bounded by <see cref="Tuiproc.Bound"/>: an attach that started its UI instead is killed there.
/// </summary>
internal static class InTerminal
{
    /// <summary>Runs <paramref name="command"/> (its words) in a terminal, under <paramref name="asUser"/> (words before script, e.g. setpriv's), with <paramref name="environment"/>.</summary>
    /// <returns>Its exit code and what the terminal showed, with "\r\n" made "\n".</returns>
    public static async Task<(int Code, string Output)> RunAsync(IReadOnlyList<string> asUser, IReadOnlyDictionary<string, string> environment, params string[] command)
    {
        string inside = "exec env " + string.Join(' ', environment.Select(e => $"{e.Key}={Quote(e.Value)}")) + " " + string.Join(' ', command.Select(Quote));
        string[] words = [.. asUser, "env", "-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", "SHELL=/bin/sh", "TERM=xterm-256color", "script", "--quiet", "--return", "--command", inside, "/dev/null"];
        ProcessStartInfo start = new(words[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (string word in words[1..])
        {
            start.ArgumentList.Add(word);
        }

        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        try
        {
            await process.WaitForExitAsync().WaitAsync(Tuiproc.Bound);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, ((await output) + (await errors)).ReplaceLineEndings("\n"));
    }

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
