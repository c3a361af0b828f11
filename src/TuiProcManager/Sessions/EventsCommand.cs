using System.CommandLine;
using System.Reactive.Linq;
using System.Runtime.InteropServices;
using TuiProcManager.CommandLine;
using TuiProcManager.Core.Events;
using TuiProcManager.Headless;
using TuiProcManager.Linux.Files;
using TuiProcManager.Sessions.Client;

namespace TuiProcManager.Sessions;

/// <summary>
/// <c>tuiproc events [NAME] [--follow]</c>: a session's event stream on stdout as JSON Lines, in the format
/// of <c>--events</c> (<c>tuiproc lab check</c> reads it): a snapshot of every worker, then, with
/// <c>--follow</c>, every event as it happens, none ever dropped (a reader that is behind holds back the
/// workers whose output it waits on, as a shell pipeline would), until the session ends or Ctrl+C.
/// </summary>
internal static class EventsCommand
{
    public static Command Create(TextWriter stderr)
    {
        Argument<string?> name = new Argument<string?>("NAME") { Description = "The session; may be left out when there is only one. HOST:NAME reads it through ssh HOST.", Arity = ArgumentArity.ZeroOrOne }.ValidatedAddress();
        Option<bool> follow = new("--follow", "-f") { Description = "After the snapshot, every event as it happens, until the session ends (or Ctrl+C)." };
        Command command = new("events", "A session's events as JSON Lines, in the --events format: the workers as they are, then with --follow everything as it happens, nothing dropped.") { name, follow };
        command.SetAction(async (parsed, _) =>
        {
            (SessionConnection? connection, int code) = SessionConnector.ConnectOrSay(parsed.GetValue(name), "events", stderr);
            if (connection is null)
            {
                return code;
            }

            await using (connection.ConfigureAwait(false))
            {
                using EventLogWriter writer = new(DescriptorStream.Borrowed(1), "stdout");
                IDisposable subscription;
                if (parsed.GetValue(follow))
                {
                    subscription = writer.Attach(connection.Supervisor);
                }
                else
                {
                    SupervisorSnapshot snapshot;
                    try
                    {
                        snapshot = await connection.SnapshotAsync().ConfigureAwait(false);
                    }
                    catch (SessionException e)
                    {
                        await stderr.WriteLineAsync("tuiproc: " + e.Message).ConfigureAwait(false);
                        return ExitCodes.NoSession;
                    }

                    subscription = writer.Attach(delivery => Observable.Return<SupervisorEvent>(snapshot, delivery));
                }

                // Ctrl+C (or SIGTERM, or the reader's terminal gone) stops the reading; the session goes on.
                TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
                using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, c => { c.Cancel = true; stopped.TrySetResult(); });
                using PosixSignalRegistration term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => { c.Cancel = true; stopped.TrySetResult(); });
                using PosixSignalRegistration hangUp = PosixSignalRegistration.Create(PosixSignal.SIGHUP, c => { c.Cancel = true; stopped.TrySetResult(); });
                using (subscription)
                {
                    if (await Task.WhenAny(writer.Completion, stopped.Task).ConfigureAwait(false) == stopped.Task)
                    {
                        return ExitCodes.Success; // stopped by a signal: what was taken is written
                    }

                    try
                    {
                        await writer.Completion.ConfigureAwait(false);
                    }
                    catch (SessionException e)
                    {
                        await stderr.WriteLineAsync("tuiproc: " + e.Message).ConfigureAwait(false);
                        return e.Refused ? ExitCodes.Failure : ExitCodes.NoSession; // refused: a spectator's follow
                    }
                }

                if (writer.Problem is { } problem)
                {
                    await stderr.WriteLineAsync("tuiproc: " + problem).ConfigureAwait(false);
                    return IsBrokenPipe(problem) ? ExitCodes.ReaderGone : ExitCodes.Incomplete;
                }

                return ExitCodes.Success;
            }
        });
        return command;
    }

    /// <summary>The reader of stdout left (<c>| head</c>): strerror(EPIPE) in the writer's problem.</summary>
    private static bool IsBrokenPipe(string problem) => problem.Contains("Broken pipe", StringComparison.OrdinalIgnoreCase);
}
