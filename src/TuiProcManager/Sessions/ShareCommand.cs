using System.CommandLine;
using System.Text;
using System.Text.Json;
using TuiProcManager.CommandLine;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Client;

namespace TuiProcManager.Sessions;

/// <summary>
/// <c>tuiproc share [NAME] --with USER|@GROUP [--control]</c>: lets those users watch the session (or act in
/// it too), through its shared socket; <c>--stop</c> takes it back at once (their connections are closed);
/// with neither, says who it is shared with and who watches. Decided by the session's server, which keeps
/// the list (decision 0007). Exit codes as ctl's: 0 done, 1 refused with a reason, 2 bad input, 3 no such session.
/// </summary>
internal static class ShareCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        Argument<string?> name = new Argument<string?>("NAME") { Description = "The session; may be left out when there is only one. HOST:NAME shares a session on another host.", Arity = ArgumentArity.ZeroOrOne }.ValidatedAddress();
        Option<string[]> with = new("--with")
        {
            Description = "A user (name or uid) or @GROUP who may watch the session; repeat it for several.",
            AllowMultipleArgumentsPerToken = false,
        };
        with.Validators.Add(r =>
        {
            foreach (string who in r.Tokens.Select(t => t.Value))
            {
                if (WhoProblem(who) is { } problem)
                {
                    r.AddError(problem);
                }
            }
        });
        Option<bool> control = new("--control") { Description = "They may act too (spawn, pause, kill…), not only watch." };
        Option<bool> stop = new("--stop") { Description = "Take the sharing back (from --with only, or from everyone): their connections are closed at once." };
        Option<bool> json = new("--json") { Description = "The grants and watchers as one JSON object." };
        Command command = new("share", "Let other users watch your session (read-only), or act in it with --control; --stop takes it back. Without options: who it is shared with, and who watches.")
        {
            name, with, control, stop, json,
        };
        command.Validators.Add(r =>
        {
            if (r.GetValue(control) && (r.GetValue(stop) || (r.GetValue(with)?.Length ?? 0) == 0))
            {
                r.AddError("--control goes with --with (and not with --stop): share NAME --with USER --control");
            }
        });
        command.SetAction(async (parsed, _) =>
        {
            string? address = parsed.GetValue(name);
            if (address is not null && Remote.SessionAddress.Parse(address).Owner is { } owner)
            {
                await stderr.WriteLineAsync($"tuiproc: only {owner} can share {owner}'s sessions: name one of yours").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            (SessionConnection? connection, int code) = SessionConnector.ConnectOrSay(address, "share", stderr);
            if (connection is null)
            {
                return code;
            }

            await using (connection.ConfigureAwait(false))
            {
                return await RunAsync(connection, Request(parsed.GetValue(with) ?? [], parsed.GetValue(control), parsed.GetValue(stop)), parsed.GetValue(json), stdout, stderr).ConfigureAwait(false);
            }
        });
        return command;
    }

    /// <summary>The one line of what is wrong with <paramref name="who"/> as a user or @group, or null.</summary>
    private static string? WhoProblem(string who)
    {
        string bare = who.StartsWith('@') ? who[1..] : who;
        return bare.Length == 0 ? "--with needs a user or @GROUP"
            : Remote.SessionAddress.OwnerProblem(bare) is not null ? $"'{Core.Text.InputText.Shorten(who)}' is not a user or @GROUP"
            : null;
    }

    private static ShareRequest Request(string[] with, bool control, bool stop)
    {
        ShareRequest request = new();
        IEnumerable<Grant> grants = with.Select(w => new Grant { Group = w.StartsWith('@'), Name = w.TrimStart('@'), Control = control });
        if (!stop)
        {
            request.Add.Add(grants);
        }
        else if (with.Length > 0)
        {
            request.Remove.Add(grants);
        }
        else
        {
            request.RemoveAll = true;
        }

        return request;
    }

    private static async Task<int> RunAsync(SessionConnection connection, ShareRequest request, bool json, TextWriter stdout, TextWriter stderr)
    {
        ShareReply reply;
        SessionStatus status;
        try
        {
            reply = await connection.ShareAsync(request).ConfigureAwait(false);
            status = await connection.StatusAsync().ConfigureAwait(false);
        }
        catch (ArgumentException e)
        {
            await stderr.WriteLineAsync("tuiproc: " + e.Message).ConfigureAwait(false);
            return ExitCodes.Usage;
        }
        catch (SessionException e)
        {
            await stderr.WriteLineAsync("tuiproc: " + e.Message).ConfigureAwait(false);
            return e.Refused ? ExitCodes.Failure : ExitCodes.NoSession;
        }

        if (reply.Problem.Length > 0)
        {
            await stderr.WriteLineAsync($"tuiproc: session {connection.Name}: {reply.Problem}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        await stdout.WriteLineAsync(json ? Json(connection.Name, reply, status) : Text(connection.Name, connection.Hello.Owner, reply, status)).ConfigureAwait(false);
        return ExitCodes.Success;
    }

    private static string Text(string session, string owner, ShareReply reply, SessionStatus status)
    {
        StringBuilder text = new();
        text.Append(reply.Grants.Count == 0
            ? $"session {session} is shared with nobody"
            : $"session {session} is shared with {string.Join(", ", reply.Grants.Select(Describe))}; they attach with: tuiproc attach {owner}/{session}");
        foreach (Watcher closed in reply.Closed)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"\n{closed.Name}: {Core.Text.Plural.Of(closed.Connections, "connection")} closed");
        }

        if (status.Watchers.Count > 0)
        {
            text.Append("\nwatching now: ").Append(string.Join(", ", status.Watchers.Select(w => $"{w.Name} ({Role(w.Role)})")));
        }

        return text.ToString();
    }

    private static string Describe(Grant grant) => $"{grant.Name} ({(grant.Control ? "control" : "read-only")})";

    private static string Role(PeerRole role) => role == PeerRole.Control ? "control" : "read-only";

    private static string Json(string session, ShareReply reply, SessionStatus status)
    {
        using MemoryStream buffer = new();
        using (Utf8JsonWriter w = new(buffer))
        {
            w.WriteStartObject();
            w.WriteString("session", session);
            w.WriteString("socket", reply.Socket);
            w.WriteStartArray("grants");
            foreach (Grant grant in reply.Grants)
            {
                w.WriteStartObject();
                w.WriteString(grant.Group ? "group" : "user", grant.Group ? grant.Name.TrimStart('@') : grant.Name);
                w.WriteNumber("id", grant.Id);
                w.WriteBoolean("control", grant.Control);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("watching");
            foreach (Watcher watcher in status.Watchers)
            {
                w.WriteStartObject();
                w.WriteString("user", watcher.Name);
                w.WriteNumber("uid", watcher.Uid);
                w.WriteBoolean("control", watcher.Role == PeerRole.Control);
                w.WriteNumber("screens", watcher.Connections);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("closed");
            foreach (Watcher closed in reply.Closed)
            {
                w.WriteStringValue(closed.Name);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
