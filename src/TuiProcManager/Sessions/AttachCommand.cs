using System.CommandLine;
using TuiProcManager.CommandLine;
using TuiProcManager.Composition;
using TuiProcManager.Sessions.Client;

namespace TuiProcManager.Sessions;

/// <summary><c>tuiproc attach [NAME]</c>: the UI back on a running session, as it was.</summary>
internal static class AttachCommand
{
    public static Command Create(TextWriter stderr, CommandLineServices services)
    {
        Argument<string?> name = new Argument<string?>("NAME") { Description = "The session (tuiproc ls lists them); may be left out when there is only one. HOST:NAME (or HOST: for its only session) attaches through ssh HOST; USER/NAME is another user's session, shared with you (tuiproc share).", Arity = ArgumentArity.ZeroOrOne }.ValidatedAddress();
        Option<bool> readOnly = new("--read-only") { Description = "Watch only: every key that would act is refused (a session shared with you read-only is watched this way anyway)." };
        UiArguments ui = new(services.Resolver);
        Command command = new("attach", "Attach the UI to a running session: its workers, their output, the timeline and the CPU history come back as they were.")
        {
            name,
            readOnly,
            ui.Theme,
            ui.Colors,
            ui.NoMouse,
        };
        command.SetAction(async (parsed, _) =>
        {
            string? theme = parsed.GetValue(ui.Theme);
            if (await UiCommand.ScreenProblemAsync(theme, "to follow a session without a terminal: tuiproc events NAME --follow", stderr).ConfigureAwait(false) is { } unusable)
            {
                return unusable;
            }

            string? address = parsed.GetValue(name);
            (SessionConnection? connection, int code) = SessionConnector.ConnectOrSay(address, "attach", stderr);
            if (connection is null)
            {
                return code;
            }

            await using (connection.ConfigureAwait(false))
            {
                bool guest = connection.Role != Protocol.V1.PeerRole.Owner || parsed.GetValue(readOnly);
                UiRun run = new(theme, parsed.GetValue(ui.Colors) ?? "auto", [], Problems: null, Lab: null,
                    guest ? new Tui.Hosting.SessionGuest(connection.Hello.Owner, connection.Role == Protocol.V1.PeerRole.ReadOnly || parsed.GetValue(readOnly)) : null)
                {
                    NoMouse = parsed.GetValue(ui.NoMouse),
                };
                string shown = Remote.SessionAddress.Parse(address).Shown(connection.Name);
                return await AttachedUi.RunAsync(connection, run, services, stderr, shown).ConfigureAwait(false);
            }
        });
        return command;
    }
}
