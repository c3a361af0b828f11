using System.CommandLine;
using TuiProcManager.CommandLine;
using TuiProcManager.Composition;
using TuiProcManager.Headless;
using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Runtime;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions;

/// <summary>
/// <c>tuiproc [specs]</c>: starts a session (named by <c>--session</c>, or the first free number), attaches
/// the UI to it, and on the way out either leaves it running (d, a hang-up) or ends it (q, Ctrl+C, SIGTERM).
/// </summary>
internal sealed class SessionStart(SessionArguments arguments, CommandLineServices services)
{
    /// <summary>The lab the session is for (<see cref="FoundLab.SessionSource"/>), or null.</summary>
    public string? LabSource { get; init; }

    /// <summary>Runs the UI in a new session; the exit code, or null when the session could not start (said on stderr).</summary>
    /// <param name="parsed">The command line.</param>
    /// <param name="ui">The UI's options in it.</param>
    /// <param name="run">What the UI is run with.</param>
    /// <param name="files">The files given (<c>--events</c>), opened and checked: the session's server writes them.</param>
    /// <param name="stderr">Where one-line problems go.</param>
    public async Task<int?> RunAsync(ParseResult parsed, UiArguments ui, UiRun run, RunFiles files, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(ui);
        SessionDirectory directory = SessionConnector.Directory;
        if (directory.Prepare() is { } unusable)
        {
            await Say(stderr, unusable).ConfigureAwait(false);
            return null;
        }

        string? asked = parsed.GetValue(arguments.Name);
        if (asked is not null && SessionDirectory.NameProblem(asked) is { } badName)
        {
            await Say(stderr, badName).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        string name = asked ?? directory.NewName();
        if (File.Exists(directory.SocketOf(name)))
        {
            if (IsLiveAsync(name).GetAwaiter().GetResult())
            {
                await Say(stderr, $"a session named {name} is running already: tuiproc attach {name} goes back to it").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            directory.ForgetSocket(name); // a dead server's
        }

        // Waited for on this thread, not awaited: the UI runs on the thread that comes here (the main thread),
        // as it does without a session; an await would move it to a thread-pool thread.
        string? problem = SessionStarter.StartAsync(directory, name, parsed.GetValue(arguments.Linger), LabSource, files.EventsHandle, files.Events?.ShownAs).GetAwaiter().GetResult();
        files.Dispose(); // the server has its own copy; ours, kept open, would hide the file's end from a FIFO's reader
        if (problem is not null)
        {
            await Say(stderr, problem).ConfigureAwait(false);
            return null;
        }

        SessionConnection connection;
        try
        {
            connection = SessionConnection.OpenAsync(SessionChannel.ForSocket(directory.SocketOf(name)), "ui").GetAwaiter().GetResult();
        }
        catch (SessionException e)
        {
            await Say(stderr, $"session {name} started, but cannot be reached: {e.Message}").ConfigureAwait(false);
            return null;
        }

        await using (connection.ConfigureAwait(false))
        {
            _ = ui.Scheduling.ApplyAsync(parsed, connection.Supervisor).GetAwaiter().GetResult();
            return await AttachedUi.RunAsync(connection, run, services, stderr).ConfigureAwait(false);
        }
    }

    private static async Task<bool> IsLiveAsync(string name)
    {
        try
        {
            await using SessionConnection live = await SessionConnector.ConnectAsync(name, "ui").ConfigureAwait(false);
            return true;
        }
        catch (SessionException)
        {
            return false;
        }
    }

    private static Task Say(TextWriter stderr, string line) => stderr.WriteLineAsync("tuiproc: " + line);
}
