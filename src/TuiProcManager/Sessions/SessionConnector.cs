using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Remote;
using TuiProcManager.Sessions.Runtime;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions;

/// <summary>
/// Finds a session by the name a user gave (or the only one, when none is given) and connects to it, on
/// this host or, for <c>HOST:NAME</c>, through ssh: the one place where "no such session" and "its server
/// is gone" are decided for every command (the bridge that ssh runs decides them on its host, here).
/// </summary>
internal static class SessionConnector
{
    /// <summary>This user's session directory.</summary>
    public static SessionDirectory Directory => SessionDirectory.ForThisUser(Environment.GetEnvironmentVariable);

    /// <summary>Connects to session <paramref name="name"/> on this host, or to the only session when null.</summary>
    /// <param name="name">A session name as typed.</param>
    /// <param name="client">Who connects ("attach", "ctl"), for the server.</param>
    /// <exception cref="SessionException">
    /// The session directory is another user's, no such session, its server is gone, or it cannot be talked to.
    /// </exception>
    /// <exception cref="ArgumentException">The name is not a session name (bad input: exit code 2).</exception>
    public static async Task<SessionConnection> ConnectAsync(string? name, string client)
    {
        SessionDirectory directory = Directory;
        (name, string socket) = SocketOf(directory, name);
        try
        {
            return await SessionConnection.OpenAsync(SessionChannel.ForSocket(socket), client).ConfigureAwait(false);
        }
        catch (SessionException e) when (!e.Refused && IsGone(e))
        {
            directory.ForgetSocket(name);
            SharedSessions.Of(Linux.Hosting.UserIdentity.EffectiveUid, Environment.GetEnvironmentVariable).ForgetDead(name);
            throw new SessionException($"session {name} is gone: its server ended without removing its socket (removed now; its log: {directory.LogOf(name)})", e);
        }
    }

    /// <summary>
    /// The socket of session <paramref name="name"/> on this host (the only session's when null), which
    /// exists (whether anyone listens on it is for the connect to say): for a client, and for the bridge
    /// that ssh runs for a client on another host.
    /// </summary>
    /// <exception cref="SessionException">The directory is another user's, no such session, or none or several when no name is given.</exception>
    /// <exception cref="ArgumentException">The name is not a session name (bad input: exit code 2).</exception>
    public static (string Name, string Socket) SocketOf(SessionDirectory directory, string? name)
    {
        ArgumentNullException.ThrowIfNull(directory);
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
        return File.Exists(socket) ? (name, socket) : throw new SessionException($"no session named {name} ({Listed(directory)})");
    }

    /// <summary>
    /// Connects to session <paramref name="name"/> of user <paramref name="owner"/> on this host, shared with
    /// this user (<c>tuiproc attach alice/1</c>), through its shared socket; <paramref name="owner"/> naming
    /// this user is <see cref="ConnectAsync(string?, string)"/>.
    /// </summary>
    /// <exception cref="SessionException">No such user or session here, not shared with this user, or it cannot be talked to.</exception>
    public static async Task<SessionConnection> ConnectSharedAsync(string owner, string? name, string client)
    {
        if (OwnerUid(owner) == Linux.Hosting.UserIdentity.EffectiveUid)
        {
            return await ConnectAsync(name, client).ConfigureAwait(false);
        }

        (string shownName, string socket) = SharedSocketOf(owner, name);
        try
        {
            return await SessionConnection.OpenAsync(SessionChannel.ForSocket(socket), client).ConfigureAwait(false);
        }
        catch (SessionException e) when (!e.Refused && SessionUnreachableException.ReasonIn(e) is { } reason)
        {
            throw new SessionException(reason switch
            {
                System.Net.Sockets.SocketError.AccessDenied => $"{owner} has not shared session {shownName} with you ({UserNames.Describe(Linux.Hosting.UserIdentity.EffectiveUid)})",
                System.Net.Sockets.SocketError.ConnectionRefused or System.Net.Sockets.SocketError.AddressNotAvailable => $"{owner}'s session {shownName} is not running",
                _ => e.Message,
            }, e);
        }
    }

    /// <summary>
    /// The shared socket of <paramref name="owner"/>'s session <paramref name="name"/> (their only one listed
    /// here when null), in a directory that is theirs: for a client here, and for the bridge that ssh runs.
    /// </summary>
    /// <exception cref="SessionException">No such user or session, or a directory on the way that is not the user's.</exception>
    public static (string Name, string Socket) SharedSocketOf(string owner, string? name)
    {
        SharedSessions shared = SharedSessions.Of(OwnerUid(owner), Environment.GetEnvironmentVariable);
        if (name is null)
        {
            IReadOnlyList<string> names = shared.Names();
            name = names.Count == 1 ? names[0]
                : names.Count == 0 ? throw new SessionException($"{owner} shares no session you can see here")
                : throw new SessionException($"{owner} has {names.Count} sessions ({string.Join(", ", names)}): name one");
        }

        return shared.ClientProblem(name) is { } problem ? throw new SessionException(problem) : (name, shared.SocketOf(name));
    }

    /// <summary>The socket of a session as addressed on this host: this user's, or another user's shared one.</summary>
    public static (string Name, string Socket) SocketOf(SessionAddress where)
    {
        ArgumentNullException.ThrowIfNull(where);
        return where.Owner is { } owner && OwnerUid(owner) != Linux.Hosting.UserIdentity.EffectiveUid
            ? SharedSocketOf(owner, where.Name)
            : SocketOf(Directory, where.Name);
    }

    private static uint OwnerUid(string owner) =>
        UserNames.FindUser(owner) ?? throw new SessionException($"there is no user named {owner} here");

    /// <summary>
    /// <see cref="ConnectAsync"/> for a command, given a session's address as typed (<c>NAME</c>,
    /// <c>HOST:NAME</c>, <c>HOST:</c>, or null): what went wrong is said on <paramref name="stderr"/> in one
    /// line, with its exit code (2 for bad input, 3 for no such session or one that cannot be reached).
    /// Waited for on the calling thread (the UI runs on the main thread, as without a session).
    /// </summary>
    /// <returns>The connection, or null with the exit code.</returns>
    public static (SessionConnection? Connection, int Code) ConnectOrSay(string? address, string client, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        try
        {
            SessionAddress where = SessionAddress.Parse(address);
            Task<SessionConnection> connecting = where.IsRemote
                ? RemoteConnector.ConnectAsync(where, client, stderr, Environment.GetEnvironmentVariable)
                : where.Owner is { } owner ? ConnectSharedAsync(owner, where.Name, client)
                : ConnectAsync(where.Name, client);
            return (connecting.GetAwaiter().GetResult(), CommandLine.ExitCodes.Success);
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
    private static bool IsGone(SessionException e) =>
        SessionUnreachableException.ReasonIn(e) == System.Net.Sockets.SocketError.ConnectionRefused;
}
