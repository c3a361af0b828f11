using System.Runtime.InteropServices;
using System.Text;
using TuiProcManager.Linux.Hosting;
using TuiProcManager.Sessions.Runtime;

namespace TuiProcManager.Sessions;

/// <summary>
/// Starts a session's server in a session of its own (<see cref="DetachedProcess"/>): this same executable,
/// <c>tuiproc session-server NAME</c>, its output in the session's log, the events file (when there is one)
/// as its fd 4; and waits until it says it is ready.
/// </summary>
internal static class SessionStarter
{
    /// <summary>How long a server may take to say it is ready (a cold NativeAOT start is milliseconds).</summary>
    private static readonly TimeSpan ReadyBound = TimeSpan.FromSeconds(20);

    /// <summary>Starts session <paramref name="name"/>; the one line of why it could not, or null.</summary>
    /// <param name="directory">The user's session directory.</param>
    /// <param name="name">The session's name (free).</param>
    /// <param name="linger">How long live workers run on with nobody attached; null: for ever.</param>
    /// <param name="lab">The lab the session is for (<see cref="CommandLine.FoundLab.SessionSource"/>), or null.</param>
    /// <param name="events">The events file the server writes (<see cref="Headless.RunFiles.EventsHandle"/>, passed as its fd 4), or null.</param>
    /// <param name="eventsName">How messages name the events file.</param>
    public static async Task<string?> StartAsync(SessionDirectory directory, string name, TimeSpan? linger, string? lab = null, SafeHandle? events = null, string? eventsName = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string log = directory.LogOf(name);
        try
        {
            File.Delete(log); // an earlier session's of the same name
        }
        catch (IOException)
        {
        }

        List<string> argv = [.. SelfCommand(), "session-server", name, "--linger", LingerOption.Format(linger), "--ready-fd", "3"];
        if (lab is not null)
        {
            argv.AddRange(["--lab", lab]);
        }

        if (events is not null)
        {
            argv.AddRange(["--events-fd", "4", "--events-name", eventsName ?? "the events file"]);
        }

        Stream ready;
        try
        {
            _ = DetachedProcess.Start(argv[0], argv, log, out ready, events);
        }
        catch (IOException e)
        {
            return e.Message;
        }

        await using (ready.ConfigureAwait(false))
        {
            using StreamReader reader = new(ready, Encoding.UTF8);
            using CancellationTokenSource bound = new(ReadyBound);
            string? line;
            try
            {
                line = await reader.ReadLineAsync(bound.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return $"the session server did not start within {ReadyBound.TotalSeconds:0} s (its log: {log})";
            }

            return line == ReadyPipe.ReadyLine ? null
                : !string.IsNullOrWhiteSpace(line) ? line
                : $"the session server ended as it started: {LastLine(log) ?? "it said nothing"} (its log: {log})";
        }
    }

    /// <summary>This executable, as a command: the native binary, or the JIT build under dotnet.</summary>
    private static IEnumerable<string> SelfCommand()
    {
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("tuiproc cannot find its own executable");
        if (Path.GetFileNameWithoutExtension(self) == "dotnet" && Environment.GetCommandLineArgs()[0] is { Length: > 0 } dll)
        {
            return [self, dll];
        }

        return [self];
    }

    private static string? LastLine(string path)
    {
        try
        {
            return File.ReadLines(path).LastOrDefault(l => !string.IsNullOrWhiteSpace(l));
        }
        catch (IOException)
        {
            return null;
        }
    }
}
