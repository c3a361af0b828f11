using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Runtime;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions;

/// <summary>
/// Finds a session by the name a user gave (or the only one, when none is given) and connects to it: the
/// one place where "no such session" and "its server is gone" are decided for every command.
/// </summary>
internal static class SessionConnector
{
    /// <summary>This user's session directory.</summary>
    public static SessionDirectory Directory => SessionDirectory.ForThisUser(Environment.GetEnvironmentVariable);

    /// <summary>Connects to session <paramref name="name"/>, or to the only session when null.</summary>
    /// <param name="name">A session name as typed.</param>
    /// <param name="client">Who connects ("attach", "ctl"), for the server.</param>
    /// <exception cref="SessionException">
    /// The session directory is another user's, no such session, its server is gone, or it cannot be talked to.
    /// </exception>
    /// <exception cref="ArgumentException">The name is not a session name (bad input: exit code 2).</exception>
    public static async Task<SessionConnection> ConnectAsync(string? name, string client)
    {
        SessionDirectory directory = Directory;
        if (directory.ClientProblem() is { } unusable)
        {
            throw new SessionException(unusable);
        }

        name ??= OnlySession(directory);
        if (SessionDirectory.NameProblem(name) is { } problem)
        {
            throw new ArgumentException(problem);
        }

        string socket = directory.SocketOf(name);
        if (!File.Exists(socket))
        {
            throw new SessionException($"no session named {name} ({Listed(directory)})");
        }

        try
        {
            return await SessionConnection.OpenAsync(SessionChannel.ForSocket(socket), client).ConfigureAwait(false);
        }
        catch (SessionException e) when (!e.Refused && IsGone(e))
        {
            directory.ForgetSocket(name);
            throw new SessionException($"session {name} is gone: its server ended without removing its socket (removed now; its log: {directory.LogOf(name)})", e);
        }
    }

    /// <summary>
    /// <see cref="ConnectAsync"/> for a command: what went wrong is said on <paramref name="stderr"/> in one
    /// line, with its exit code (2 for a bad name, 3 for no such session or one that cannot be reached).
    /// Waited for on the calling thread (the UI runs on the main thread, as without a session).
    /// </summary>
    /// <returns>The connection, or null with the exit code.</returns>
    public static (SessionConnection? Connection, int Code) ConnectOrSay(string? name, string client, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            return (ConnectAsync(name, client).GetAwaiter().GetResult(), CommandLine.ExitCodes.Success);
        }
        catch (ArgumentException e)
        {
            stderr.WriteLine("tuiproc: " + e.Message);
            return (null, CommandLine.ExitCodes.Usage);
        }
        catch (SessionException e)
        {
            stderr.WriteLine("tuiproc: " + e.Message);
            return (null, CommandLine.ExitCodes.NoSession);
        }
    }

    /// <summary>The name of the only session; a <see cref="SessionException"/> when there is none or there are several.</summary>
    private static string OnlySession(SessionDirectory directory)
    {
        IReadOnlyList<string> names = directory.Names();
        return names.Count switch
        {
            1 => names[0],
            0 => throw new SessionException("no session is running (tuiproc starts one; tuiproc ls lists them)"),
            _ => throw new SessionException($"there are {names.Count} sessions ({string.Join(", ", names)}): name one"),
        };
    }

    private static string Listed(SessionDirectory directory) =>
        directory.Names() is { Count: > 0 } names ? "sessions: " + string.Join(", ", names) : "there is none";

    /// <summary>The socket is there but nobody listens on it (the server died by SIGKILL, or the machine restarted).</summary>
    private static bool IsGone(SessionException e)
    {
        for (Exception? cause = e.InnerException; cause is not null; cause = cause is Grpc.Core.RpcException rpc ? rpc.Status.DebugException : cause.InnerException)
        {
            if (cause is SessionUnreachableException { Reason: System.Net.Sockets.SocketError.ConnectionRefused })
            {
                return true;
            }
        }

        return false;
    }
}
