using System.Diagnostics;
using System.Globalization;

namespace TuiProcManager.Testing;

/// <summary>
/// Shared by the end-to-end tests and the benchmarks (linked into both projects): tmux on a private
/// server, and the process tree as /proc tells it, read directly rather than through the code under test.
/// </summary>
internal static class ProcessTools
{
    /// <summary>Runs <c>tmux -L SOCKET ARGS</c>; its standard output, or an exception with its error.</summary>
    public static string Tmux(string socket, params string[] args)
    {
        ProcessStartInfo start = new("tmux") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(socket);
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process tmux = Process.Start(start) ?? throw new InvalidOperationException("tmux did not start");
        string output = tmux.StandardOutput.ReadToEnd();
        string error = tmux.StandardError.ReadToEnd();
        tmux.WaitForExit();
        return tmux.ExitCode == 0 ? output : throw new InvalidOperationException($"tmux {string.Join(' ', args)}: {error.Trim()}");
    }

    /// <summary>
    /// Ends the tmux server on <paramref name="socket"/> (SIGHUP to what runs in it) and deletes its socket
    /// file, which tmux 3.3 leaves behind in <c>/tmp/tmux-UID/</c> (one per test otherwise, thousands a day).
    /// </summary>
    public static void EndTmux(string socket)
    {
        try
        {
            _ = Tmux(socket, "kill-server");
        }
        catch (InvalidOperationException)
        {
            // no server (already gone)
        }

        string folder = Environment.GetEnvironmentVariable("TMUX_TMPDIR") is { Length: > 0 } d ? d : "/tmp";
        File.Delete(Path.Combine(folder, $"tmux-{RealUid()}", socket));
    }

    /// <summary>The real uid, as tmux names its folder (getuid).</summary>
    private static string RealUid() => File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal)).Split('\t')[1];

    /// <summary>The direct children of <paramref name="pid"/> (of all its threads); none when it is gone.</summary>
    public static IEnumerable<int> Children(int pid)
    {
        string[] tasks;
        try
        {
            tasks = Directory.GetDirectories($"/proc/{pid}/task");
        }
        catch (IOException)
        {
            yield break;
        }

        foreach (string task in tasks)
        {
            string text;
            try
            {
                text = File.ReadAllText(task + "/children");
            }
            catch (IOException)
            {
                continue;
            }

            foreach (string child in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                yield return int.Parse(child, CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>Children, grandchildren… of <paramref name="pid"/>.</summary>
    public static IEnumerable<int> Descendants(int pid) => Children(pid).SelectMany(c => Descendants(c).Prepend(c));
}
