using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using TuiProcManager.CommandLine;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Remote;

namespace TuiProcManager.Sessions;

/// <summary>
/// <c>tuiproc ls [HOST]</c>: this user's sessions — name, workers alive, clients attached, age, lab, and when
/// it ends if nobody attaches — here, or on HOST through ssh. A session whose server is gone is said once
/// and its socket removed.
/// </summary>
internal static class LsCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, TimeProvider clock)
    {
        Argument<string?> host = new Argument<string?>("HOST")
        {
            Description = "List the sessions on another host, through ssh HOST tuiproc bridge (your ssh configuration applies; $TUIPROC_SSH replaces ssh).",
            Arity = ArgumentArity.ZeroOrOne,
        }.ValidatedHost();
        Option<bool> json = new("--json") { Description = "One JSON object per session, on one line each (JSON Lines)." };
        Command command = new("ls", "List your sessions: workers alive, clients attached, age, lab, and when each ends if nobody attaches.") { host, json };
        command.SetAction(async (parsed, cancel) =>
        {
            string? remote = parsed.GetValue(host) is { } typed ? SessionNames.HostOf(typed) : null;
            IReadOnlyList<SessionStatus> live;
            try
            {
                live = remote is null
                    ? [.. (await SessionList.GatherAsync(stderr).ConfigureAwait(false)).Select(hello => hello.Session)]
                    : await RemoteListing.FetchAsync(remote, stderr, Environment.GetEnvironmentVariable).ConfigureAwait(false);
            }
            catch (ArgumentException e)
            {
                await stderr.WriteLineAsync("tuiproc: " + e.Message).ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            catch (SessionException e)
            {
                await stderr.WriteLineAsync("tuiproc: " + e.Message).ConfigureAwait(false);
                return ExitCodes.NoSession;
            }

            if (parsed.GetValue(json))
            {
                foreach (SessionStatus s in live)
                {
                    await stdout.WriteLineAsync(Json(s)).ConfigureAwait(false);
                }
            }
            else if (live.Count == 0)
            {
                await stdout.WriteLineAsync(remote is null ? "no sessions (tuiproc starts one)" : $"no sessions on {remote}").ConfigureAwait(false);
            }
            else
            {
                // Ages and ends are counted on the clock of the sessions' host: another host's may differ from ours.
                DateTimeOffset here = clock.GetUtcNow();
                await stdout.WriteLineAsync(Table(live, s => remote is not null && s.Now is { } there ? there.ToDateTimeOffset() : here)).ConfigureAwait(false);
            }

            await stdout.FlushAsync(cancel).ConfigureAwait(false);
            return 0;
        });
        return command;
    }

    private static string Table(IReadOnlyList<SessionStatus> sessions, Func<SessionStatus, DateTimeOffset> nowAt)
    {
        string[] heading = ["NAME", "WORKERS", "CLIENTS", "AGE", "LAB", "ENDS"];
        List<string[]> rows = [heading];
        foreach (SessionStatus s in sessions)
        {
            DateTimeOffset now = nowAt(s);
            rows.Add([
                s.Name,
                $"{s.WorkersAlive} alive of {s.Workers}",
                s.Clients.ToString(CultureInfo.InvariantCulture),
                Span(now - s.StartedAt.ToDateTimeOffset()),
                s.Lab.Length == 0 ? "-" : s.Lab,
                Ends(s, now),
            ]);
        }

        return ColumnText.Format(rows);
    }

    /// <summary>When it ends if nobody attaches: "attached", "in 1h59m (linger 2h)", "never".</summary>
    private static string Ends(SessionStatus s, DateTimeOffset now) =>
        s.EndsAt is { } at ? $"in {Span(at.ToDateTimeOffset() - now)}" + (s.Linger is { } l && s.WorkersAlive > 0 ? $" (linger {LingerOption.Format(l.ToTimeSpan())})" : "")
        : s.Clients > 0 ? "when detached: " + (s.Linger is { } linger ? $"after {LingerOption.Format(linger.ToTimeSpan())}" : "never")
        : "never (--linger never)";

    /// <summary>A span for people: 42s, 12m, 1h3m, 2d4h.</summary>
    private static string Span(TimeSpan span)
    {
        span = span < TimeSpan.Zero ? TimeSpan.Zero : span;
        return span.TotalMinutes < 1 ? $"{(int)span.TotalSeconds}s"
            : span.TotalHours < 1 ? $"{(int)span.TotalMinutes}m"
            : span.TotalDays < 1 ? $"{(int)span.TotalHours}h{span.Minutes}m"
            : $"{(int)span.TotalDays}d{span.Hours}h";
    }

    private static string Json(SessionStatus s)
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter w = new(buffer))
        {
            w.WriteStartObject();
            w.WriteString("name", s.Name);
            w.WriteNumber("server_pid", s.ServerPid);
            w.WriteString("started_at", s.StartedAt.ToDateTimeOffset());
            w.WriteNumber("workers", s.Workers);
            w.WriteNumber("workers_alive", s.WorkersAlive);
            w.WriteNumber("clients", s.Clients);
            if (s.Lab.Length > 0)
            {
                w.WriteString("lab", s.Lab);
            }
            else
            {
                w.WriteNull("lab");
            }

            if (s.Linger is { } linger)
            {
                w.WriteNumber("linger_seconds", (long)linger.ToTimeSpan().TotalSeconds);
            }
            else
            {
                w.WriteNull("linger_seconds");
            }

            if (s.EndsAt is { } at)
            {
                w.WriteString("ends_at", at.ToDateTimeOffset());
            }
            else
            {
                w.WriteNull("ends_at");
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
