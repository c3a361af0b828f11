using System.CommandLine;
using TuiProcManager.CommandLine;
using TuiProcManager.Composition;
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
    /// <summary>Runs the UI in a new session; the exit code, or null when the session could not start (said on stderr).</summary>
    public async Task<int?> RunAsync(ParseResult parsed, UiArguments ui, UiRun run, TextWriter stderr)
    {
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
            if (await IsLiveAsync(name).ConfigureAwait(false))
            {
                await Say(stderr, $"a session named {name} is running already: tuiproc attach {name} goes back to it").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            directory.ForgetSocket(name); // a dead server's
        }

        if (await SessionStarter.StartAsync(directory, name, parsed.GetValue(arguments.Linger)).ConfigureAwait(false) is { } problem)
        {
            await Say(stderr, problem).ConfigureAwait(false);
            return null;
        }

        SessionConnection connection;
        try
        {
            connection = await SessionConnection.OpenAsync(SessionChannel.ForSocket(directory.SocketOf(name)), "ui").ConfigureAwait(false);
        }
        catch (SessionException e)
        {
            await Say(stderr, $"session {name} started, but cannot be reached: {e.Message}").ConfigureAwait(false);
            return null;
        }

        await using (connection.ConfigureAwait(false))
        {
            await ui.Scheduling.ApplyAsync(parsed, connection.Supervisor).ConfigureAwait(false);
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
