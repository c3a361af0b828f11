using TuiProcManager.CommandLine;
using TuiProcManager.Composition;
using TuiProcManager.Headless;
using TuiProcManager.Linux.Hosting;
using TuiProcManager.Sessions.Client;
using TuiProcManager.Tui.Hosting;
using TuiProcManager.Tui.Models;

namespace TuiProcManager.Sessions.Class;

/// <summary>
/// The class view and the sessions it opens, taking turns on the terminal: the view until Enter, then that
/// session, read-only (its screen as the student's), until Esc or q, then the view again; q in the view
/// ends it. A session that cannot be opened is said in the view's header.
/// </summary>
internal static class ClassUi
{
    public static async Task<int> RunAsync(ClassFeed feed, string? theme, string colors, bool noMouse, CommandLineServices services, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(services);
        string? problem = null;
        while (true)
        {
            using TerminationSignals signals = new(_ => { });
            ClassOptions options = new()
            {
                Files = ShippedContent.Files,
                Themes = ShippedContent.Themes,
                Theme = theme,
                Colors = colors,
                Time = services.Clock,
                TerminalInput = static () => new TerminalInputWait(),
                NoMouse = noMouse,
                TerminalQuery = new TerminalQuery(),
            };
            ClassRow? picked = ClassHost.Run(feed.RowsAsync, options, signals.Token, problem);
            if (picked is null)
            {
                return signals.Signal != 0 ? ExitCodes.Signaled(signals.Signal) : ExitCodes.Success;
            }

            (SessionConnection? connection, _) = SessionConnector.ConnectOrSay(picked.Address, "class", TextWriter.Null);
            if (connection is null)
            {
                problem = $"{picked.Address} cannot be watched now (it may have ended, or been unshared)";
                continue;
            }

            await using (connection.ConfigureAwait(false))
            {
                UiRun run = new(theme, colors, [], Problems: null, Lab: null, new SessionGuest(connection.Hello.Owner, ReadOnly: true, EscLeaves: true)) { NoMouse = noMouse };
                _ = await AttachedUi.RunAsync(connection, run, services, TextWriter.Null, picked.Address).ConfigureAwait(false);
            }

            problem = null;
        }
    }
}
