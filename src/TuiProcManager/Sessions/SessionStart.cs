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

    /// <summary>Users and @groups the new session is shared with, read-only, before the UI shows it (a lab's, agreed to by the student).</summary>
    public IReadOnlyList<string> SharedWith { get; init; } = [];

    /// <summary>Whether the session is started without a screen (<c>--detached</c>).</summary>
    public bool Detached(ParseResult parsed) => parsed?.GetValue(arguments.Detached) == true;

    /// <summary>Runs the UI in a new session (or only starts it, <c>--detached</c>); the exit code, or null when the session could not start (said on stderr).</summary>
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
            SharedSessions.Of(Linux.Hosting.UserIdentity.EffectiveUid, Environment.GetEnvironmentVariable).ForgetDead(name);
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
            if (SharedWith.Count > 0 && ShareAsync(connection).GetAwaiter().GetResult() is { } notShared && run.Lab is { } lab)
            {
                run = run with { Lab = lab with { Problem = lab.Problem is null ? notShared : $"{lab.Problem}; {notShared}" } };
            }

            return Detached(parsed)
                ? await StartDetachedAsync(connection, run, stderr).ConfigureAwait(false)
                : await AttachedUi.RunAsync(connection, run, services, stderr).ConfigureAwait(false);
        }
    }

    /// <summary>Shares the new session as <see cref="SharedWith"/> says, each name on its own (one unknown here spoils none of the others); what failed, in one line, or null.</summary>
    private async Task<string?> ShareAsync(SessionConnection connection)
    {
        List<string> problems = [];
        foreach (string who in SharedWith)
        {
            Protocol.V1.ShareRequest request = new();
            request.Add.Add(new Protocol.V1.Grant { Group = who.StartsWith('@'), Name = who.TrimStart('@') });
            try
            {
                Protocol.V1.ShareReply reply = await connection.ShareAsync(request).ConfigureAwait(false);
                if (reply.Problem.Length > 0)
                {
                    problems.Add(reply.Problem);
                    break; // the same for every name: the place, not the name
                }
            }
            catch (Exception e) when (e is ArgumentException or SessionException)
            {
                problems.Add(e.Message);
            }
        }

        return problems.Count == 0 ? null : "the lab's session is not shared as it says: " + string.Join("; ", problems);
    }

    /// <summary>--detached: the workers started (in order, as the UI would), one line saying how to come back.</summary>
    private static async Task<int> StartDetachedAsync(SessionConnection connection, UiRun run, TextWriter stderr)
    {
        int started = 0;
        foreach (Core.Workers.WorkerSpec spec in run.Workers)
        {
            try
            {
                _ = await connection.Supervisor.SpawnAsync(spec).ConfigureAwait(false);
                started++;
            }
            catch (Exception e) when (e is SessionException or ArgumentException or ObjectDisposedException)
            {
                await Say(stderr, $"session {connection.Name}: {spec.DisplayName} was not started: {e.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        }

        await Say(stderr, $"session {connection.Name} started with {Core.Text.Plural.Of(started, "worker")}; tuiproc attach {connection.Name} shows it").ConfigureAwait(false);
        return ExitCodes.Success;
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
