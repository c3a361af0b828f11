using System.CommandLine;
using System.Text;
using System.Text.Json;
using TuiProcManager.CommandLine;
using TuiProcManager.Composition;
using TuiProcManager.Tui.Models;

namespace TuiProcManager.Sessions.Class;

/// <summary>
/// <c>tuiproc class [HOST ...] [--lab N]</c>: a teacher's view of the sessions shared with them, here or on
/// those hosts through ssh, a row per session, refreshed every second, stuck longest first; Enter watches
/// the row's session (read-only), and Esc or q there comes back. <c>--json</c>: the rows once, as JSON Lines.
/// </summary>
internal static class ClassCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, CommandLineServices services)
    {
        Argument<string[]> hosts = new("HOST")
        {
            Description = "Hosts to reach through ssh (ssh HOST tuiproc bridge --class); none: this host.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        hosts.Validators.Add(r =>
        {
            foreach (string host in r.Tokens.Select(t => SessionNames.HostOf(t.Value)))
            {
                if (host.StartsWith('-'))
                {
                    r.AddError($"unknown option '{Core.Text.InputText.Shorten(host)}'");
                }
                else if (Remote.SessionAddress.HostProblem(host) is { } problem)
                {
                    r.AddError(problem);
                }
            }
        });
        Option<string?> lab = new("--lab") { Description = "Only the sessions of this lab (its id, e.g. 1).", HelpName = "N" };
        Option<bool> json = new("--json") { Description = "The rows once, one JSON object per line, without the UI." };
        UiArguments ui = new(services.Resolver);
        Command command = new("class", "A teacher's view of the sessions shared with you, here or on other hosts: a row per student, stuck longest first; Enter watches one.")
        {
            hosts, lab, json, ui.Theme, ui.Colors, ui.NoMouse,
        };
        command.SetAction(async (parsed, cancel) =>
        {
            string[] named = [.. (parsed.GetValue(hosts) ?? []).Select(SessionNames.HostOf)];
            await using ClassFeed feed = new(named, parsed.GetValue(lab), Environment.GetEnvironmentVariable);
            if (parsed.GetValue(json))
            {
                IReadOnlyList<ClassRow> rows = await FirstRowsAsync(feed, named.Length > 0, cancel).ConfigureAwait(false);
                DateTimeOffset now = services.Clock.GetUtcNow();
                foreach (ClassRow row in ClassTable.Ordered(rows, now, byStudent: false))
                {
                    await stdout.WriteLineAsync(Json(row, now)).ConfigureAwait(false);
                }

                return ExitCodes.Success;
            }

            string? theme = parsed.GetValue(ui.Theme);
            if (await UiCommand.ScreenProblemAsync(theme, "for the rows without the UI: tuiproc class --json", stderr).ConfigureAwait(false) is { } unusable)
            {
                return unusable;
            }

            return await ClassUi.RunAsync(feed, theme, parsed.GetValue(ui.Colors) ?? "auto", parsed.GetValue(ui.NoMouse), services, stderr).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>The first rows: this host's at once; other hosts' once each has answered (or said why not), within their silence.</summary>
    private static async Task<IReadOnlyList<ClassRow>> FirstRowsAsync(ClassFeed feed, bool remote, CancellationToken cancel)
    {
        DateTime giveUp = DateTime.UtcNow + RemoteClass.Silence;
        while (true)
        {
            IReadOnlyList<ClassRow> rows = await feed.RowsAsync(cancel).ConfigureAwait(false);
            if (!remote || DateTime.UtcNow > giveUp || !rows.Any(r => r.Problem?.StartsWith("connecting to ", StringComparison.Ordinal) == true))
            {
                return rows;
            }

            await Task.Delay(100, cancel).ConfigureAwait(false);
        }
    }

    private static string Json(ClassRow row, DateTimeOffset now)
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter w = new(buffer))
        {
            w.WriteStartObject();
            w.WriteString("host", row.Host);
            if (row is { IsHost: true, Problem: { } problem })
            {
                w.WriteString("problem", problem);
            }
            else
            {
                if (row.Problem is { } gone)
                {
                    w.WriteString("gone", gone); // the rest as it last answered
                }

                w.WriteString("student", row.Student);
                w.WriteString("session", row.Session);
                w.WriteString("address", row.Address);
                if (row.Lab is { } lab)
                {
                    w.WriteString("lab", lab);
                    w.WriteNumber("step", row.Step);
                    w.WriteNumber("steps", row.Steps);
                    w.WriteString("step_title", row.StepTitle);
                    w.WriteNumber("on_step_seconds", Math.Round(row.StuckFor(now).TotalSeconds));
                    w.WriteNumber("hints", row.Hints);
                    w.WriteNumber("wrong_answers", row.Wrong);
                }

                w.WriteNumber("workers_alive", row.Alive);
                w.WriteNumber("workers", row.Workers);
                w.WriteNumber("cpu_percent", Math.Round(row.Cpu, 1));
                w.WriteString("last_event", row.LastEvent);
                if (row.LastEventAt is { } at)
                {
                    w.WriteString("last_event_at", at);
                }
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
