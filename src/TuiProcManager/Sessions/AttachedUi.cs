using TuiProcManager.CommandLine;
using TuiProcManager.Composition;
using TuiProcManager.Sessions.Client;
using System.Reactive.Linq;
using TuiProcManager.Tui.Hosting;

namespace TuiProcManager.Sessions;

/// <summary>
/// The UI attached to a session, for <c>tuiproc</c> and <c>tuiproc attach</c>: run until the user detaches
/// (d), the terminal hangs up (detach too), or the user quits (q, Ctrl+C, SIGTERM: the UI stops the
/// workers, and the session ends with it).
/// </summary>
internal static class AttachedUi
{
    /// <param name="connection">The session's connection.</param>
    /// <param name="run">What the UI is run with.</param>
    /// <param name="services">The command line's services.</param>
    /// <param name="stderr">Where the line on the way out goes.</param>
    /// <param name="shownName">How the session is named to the user (<c>HOST:NAME</c> through ssh); its name when null.</param>
    public static async Task<int> RunAsync(SessionConnection connection, UiRun run, CommandLineServices services, TextWriter stderr, string? shownName = null)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(services);
        string name = shownName ?? connection.Name;
        string? self = run.Guest is null ? null : Environment.UserName; // a guest is among the watchers: not "watched by" itself
        run = run with { Lab = LabOf(connection, run.Lab, stderr), Problems = connection.Notices.Select(n => ToUi(n, self)) };
        (TuiExit exit, int signal) = UiCommand.Run(
            connection.Supervisor, run, services.Resolver, services.Clock, services.Machine, name, run.Guest is null ? () => connection.EndAsync() : null);
        if (run.Guest is not null)
        {
            // Another user's session: leaving it never ends it, whatever ended the UI.
            await SayQuietly(stderr, $"stopped watching session {name}").ConfigureAwait(false);
            return signal != 0 ? ExitCodes.Signaled(signal) : ExitCodes.Success;
        }

        if (exit.Detached)
        {
            string alive = await AliveAsync(connection).ConfigureAwait(false);
            await SayQuietly(stderr, $"detached from session {name}{alive}; tuiproc attach {name} brings it back").ConfigureAwait(false);
            return ExitCodes.Success;
        }

        string recordProblem = "";
        try
        {
            // The UI has stopped the workers; the server closes the events file, answers, and ends.
            recordProblem = (await connection.EndAsync().ConfigureAwait(false)).RecordProblem;
        }
        catch (Exception e) when (e is SessionException or ObjectDisposedException)
        {
            // Already ending (another client ended it), or its server is gone: nothing is left to stop.
        }

        if (signal != 0)
        {
            return ExitCodes.Signaled(signal);
        }

        if (recordProblem.Length > 0)
        {
            await SayQuietly(stderr, recordProblem).ConfigureAwait(false);
            return exit.Code == ExitCodes.Success ? ExitCodes.Incomplete : exit.Code;
        }

        return exit.Code;
    }

    /// <summary>
    /// The session's lab as its server decides it (null when it has none), with <paramref name="started"/>'s
    /// problem with the saved progress, when this client started it and found one. Waited for on this thread,
    /// not awaited: the UI runs next, on the thread that comes here (the main thread).
    /// </summary>
    private static LabOptions? LabOf(SessionConnection connection, LabOptions? started, TextWriter stderr)
    {
        RemoteLab? remote;
        try
        {
            remote = connection.OpenLabAsync().GetAwaiter().GetResult();
        }
        catch (SessionException e)
        {
            stderr.WriteLine($"tuiproc: session {connection.Name}: its lab cannot be shown: {e.Message}");
            return null;
        }

        if (remote is null)
        {
            return null;
        }

        if (SessionLabs.ForClient(remote, out string? problem) is not { } lab)
        {
            stderr.WriteLine("tuiproc: " + problem);
            return null;
        }

        return lab with { Problem = started?.Problem };
    }

    private static async Task<string> AliveAsync(SessionConnection connection)
    {
        try
        {
            Protocol.V1.SessionStatus now = await connection.StatusAsync().ConfigureAwait(false);
            return $" ({Core.Text.Plural.Of(now.WorkersAlive, "worker")} alive)";
        }
        catch (SessionException)
        {
            return "";
        }
    }

    /// <summary>A notice of the server as the UI shows it: a problem, or who watches now (<paramref name="self"/> left out).</summary>
    private static ServerNotice ToUi(Protocol.V1.Notice notice, string? self) => new(
        notice.Text,
        notice.WatchersChanged
            ? [.. notice.Watchers.Where(w => w.Name != self).Select(w => $"{w.Name} ({(w.Role == Protocol.V1.PeerRole.Control ? "control" : "read-only")})")]
            : null);

    /// <summary>Writes a line where the terminal may be gone (a hang-up): a failure is not worth more than the line.</summary>
    private static async Task SayQuietly(TextWriter stderr, string line)
    {
        try
        {
            await stderr.WriteLineAsync("tuiproc: " + line).ConfigureAwait(false);
        }
        catch (IOException)
        {
        }
    }
}
