using System.CommandLine;
using TuiProcManager.CommandLine;
using TuiProcManager.Sessions.Client;

namespace TuiProcManager.Sessions;

/// <summary>What every <c>ctl</c> command shares: the session it names, <c>--json</c>, and how outcomes become exit codes.</summary>
internal sealed class CtlContext(TextWriter stdout, TextWriter stderr)
{
    public Option<string?> Session { get; } = new Option<string?>("--session")
    {
        Description = "The session (also given as the first word: tuiproc ctl NAME COMMAND); may be left out when there is only one. HOST:NAME reaches it through ssh HOST.",
        HelpName = "NAME",
        Recursive = true,
    }.ValidatedAddress();

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print the outcome as one JSON object (ps: one per worker, JSON Lines).",
        Recursive = true,
    };

    /// <summary>Connects, runs <paramref name="action"/>, and turns what went wrong into its one line and exit code.</summary>
    public async Task<int> RunAsync(ParseResult parsed, Func<CtlCall, Task<int>> action)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(action);
        (SessionConnection? connection, int code) = SessionConnector.ConnectOrSay(parsed.GetValue(Session), "ctl", stderr);
        if (connection is null)
        {
            return code;
        }

        await using (connection.ConfigureAwait(false))
        {
            try
            {
                int done = await action(new CtlCall(connection, parsed.GetValue(Json), stdout)).ConfigureAwait(false);
                await stdout.FlushAsync().ConfigureAwait(false);
                return done;
            }
            catch (ArgumentException e)
            {
                return await Fail(e.Message, ExitCodes.Usage).ConfigureAwait(false); // an unknown worker: the session said so
            }
            catch (ObjectDisposedException)
            {
                return await Fail(Protocol.StatusLines.SessionEnding, ExitCodes.Failure).ConfigureAwait(false);
            }
            catch (SessionException e)
            {
                return await Fail(e.Message, e.Refused ? ExitCodes.Failure : ExitCodes.NoSession).ConfigureAwait(false);
            }
        }
    }

    private async Task<int> Fail(string line, int code)
    {
        await stderr.WriteLineAsync("tuiproc: " + line).ConfigureAwait(false);
        return code;
    }
}
