using System.Globalization;
using TuiProcManager.Linux.Files;
using TuiProcManager.Linux.Hosting;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions.Runtime;

/// <summary>
/// Where a user's sessions can be reached by the users they are shared with (decision 0007): a second
/// socket per session, <c>/tmp/tuiproc-shared-UID/NAME/session.sock</c>. Every session server makes its own
/// at start, private (the directories 0700, the socket 0600); <c>tuiproc share</c> lets named users and
/// groups in with access control lists, and nobody else ever.
/// </summary>
/// <remarks>
/// <para>
/// Not in the session directory: that one may be on a runtime directory another user cannot reach at all
/// (<c>/run/user/UID</c> is 0700 and not ours to change), and it never changes mode. <c>/tmp</c> is where
/// every user can look, so a student and a teacher agree on it without being told; <c>TUIPROC_SHARED_DIR</c>
/// replaces it (for both sides).
/// </para>
/// <para>
/// Who may connect is decided three times: the session's directory gives search (x) and the socket
/// read-write only to grants; the server checks the peer's credentials on every call against its grant
/// list (<see cref="SessionSharing"/>); a client checks that the directories belong to the user it expects,
/// so that nobody can plant a socket under another user's name. The user's directory gets r-x for every
/// user a session was ever shared with (so that a teacher's <c>tuiproc class</c> can list the names there):
/// entries are added, never taken back, since sessions of one user share it and none knows the others'
/// grants. It gives nothing but the names: each session's own directory is the gate.
/// </para>
/// </remarks>
public sealed class SharedSessions
{
    /// <summary>The socket's file name inside a session's directory.</summary>
    public const string SocketName = "session.sock";

    private const int OwnerAll = 7;

    private SharedSessions(string root, uint owner)
    {
        Owner = owner;
        UserDirectory = Path.Combine(root, "tuiproc-shared-" + owner.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Whose sessions these are.</summary>
    public uint Owner { get; }

    /// <summary>The user's directory of shared sessions.</summary>
    public string UserDirectory { get; }

    /// <summary>The shared sessions of <paramref name="owner"/>, under <c>TUIPROC_SHARED_DIR</c> or <c>/tmp</c>.</summary>
    /// <param name="owner">Whose.</param>
    /// <param name="environment">Reads an environment variable.</param>
    public static SharedSessions Of(uint owner, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? root = environment("TUIPROC_SHARED_DIR");
        return new SharedSessions(!string.IsNullOrEmpty(root) && Path.IsPathFullyQualified(root) ? root : "/tmp", owner);
    }

    /// <summary>The shared sessions of the users whose directories are under <paramref name="root"/>, by uid.</summary>
    public static IEnumerable<SharedSessions> AllUnder(string root)
    {
        IEnumerable<string> directories;
        try
        {
            directories = Directory.GetDirectories(root, "tuiproc-shared-*");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (string directory in directories)
        {
            if (uint.TryParse(Path.GetFileName(directory)["tuiproc-shared-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out uint uid))
            {
                yield return new SharedSessions(root, uid);
            }
        }
    }

    /// <summary>The directory of session <paramref name="name"/>.</summary>
    public string DirectoryOf(string name) => Path.Combine(UserDirectory, name);

    /// <summary>The shared socket of session <paramref name="name"/>.</summary>
    public string SocketOf(string name) => Path.Combine(DirectoryOf(name), SocketName);

    /// <summary>
    /// For a session server of this user at its start: the directories made (0700) or checked, and a
    /// session directory left by a server that died made private again. The one line of why the session
    /// cannot be shared, or null.
    /// </summary>
    public string? PrepareForServer(string name)
    {
        string directory = DirectoryOf(name);
        try
        {
            foreach (string path in (ReadOnlySpan<string>)[UserDirectory, directory])
            {
                if (UserIdentity.StatusOf(path) is null)
                {
                    _ = Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
                }

                if (NotOwnedProblem(path, Owner) is { } problem)
                {
                    return problem;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot make the shared session directory {directory}: {e.Message}";
        }

        // A directory of a session of this name that died with grants: a new session starts shared with nobody.
        return AccessList.Set(directory, OwnerAll, []);
    }

    /// <summary>
    /// Lets exactly <paramref name="grants"/> reach session <paramref name="name"/>'s socket: x on its
    /// directory, rw on the socket; r-x on the user's directory added for each. Nothing is changed when the
    /// file system cannot: the one line of why, or null.
    /// </summary>
    public string? Allow(string name, IReadOnlyCollection<SessionGrant> grants)
    {
        ArgumentNullException.ThrowIfNull(grants);
        AccessEntry[] search = [.. grants.Select(g => new AccessEntry(g.Group, g.Id, 1))];
        AccessEntry[] use = [.. grants.Select(g => new AccessEntry(g.Group, g.Id, 6))];
        // The directory first: a grant taken back lets no new connection in while the socket's list changes
        // (one added is not used before share has answered).
        string? problem = AccessList.Set(DirectoryOf(name), OwnerAll, search) ?? AccessList.Set(SocketOf(name), 6, use);
        if (problem is not null || grants.Count == 0)
        {
            return problem;
        }

        IReadOnlyList<AccessEntry> listing = AccessList.Read(UserDirectory) ?? [];
        AccessEntry[] added = [.. grants.Select(g => new AccessEntry(g.Group, g.Id, 5)).Where(g => !listing.Any(l => l.IsGroup == g.IsGroup && l.Id == g.Id))];
        return added.Length == 0 ? null : AccessList.Set(UserDirectory, OwnerAll, [.. listing, .. added]);
    }

    /// <summary>Removes session <paramref name="name"/>'s directory once its server has stopped (its socket is gone by then).</summary>
    public void Remove(string name)
    {
        try
        {
            Directory.Delete(DirectoryOf(name), recursive: false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not empty (a socket of a server started since), or gone already: the next server of the name resets it.
        }
    }

    /// <summary>
    /// Removes what a server of session <paramref name="name"/> that died left here: its socket and directory;
    /// nothing while a server answers on the socket (a live session of that name from another session directory).
    /// </summary>
    public void ForgetDead(string name)
    {
        try
        {
            // The session socket's own check: a live one is left (SocketInUseException), a stale one removed.
            SocketFile.PrepareAsync(SocketOf(name), CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is SocketInUseException or IOException or UnauthorizedAccessException)
        {
            return; // somebody answers there, or it is not ours to remove
        }

        Remove(name);
    }

    /// <summary>
    /// For a client that expects this user's session <paramref name="name"/>: why its socket must not be
    /// trusted (a directory on its way that is not the owner's: someone else's socket under the owner's
    /// name), or missing, in one line; null when it may be tried.
    /// </summary>
    public string? ClientProblem(string name)
    {
        foreach (string path in (ReadOnlySpan<string>)[UserDirectory, DirectoryOf(name)])
        {
            if (UserIdentity.StatusOf(path) is null)
            {
                return SessionDirectory.OutOfReach(path) ? $"{UserNames.NameOf(Owner)} has not shared session {name} with you ({UserNames.Describe(UserIdentity.EffectiveUid)})"
                    : path == UserDirectory ? $"{UserNames.Describe(Owner)} shares no session here"
                    : $"{UserNames.Describe(Owner)} has no session named {name} here";
            }

            if (NotOwnedProblem(path, Owner) is { } problem)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>The names of the sessions here that may be shared with the caller (every session this user has, when listable).</summary>
    public IReadOnlyList<string> Names()
    {
        try
        {
            return [.. Directory.GetDirectories(UserDirectory).Select(Path.GetFileName).OfType<string>()
                .Where(n => SessionDirectory.NameProblem(n) is null).Order(StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static string? NotOwnedProblem(string path, uint owner)
    {
        if (UserIdentity.StatusOf(path) is not { } status)
        {
            return $"{path} is missing";
        }

        return !status.IsDirectory ? $"{path} is not a directory"
            : status.Owner != owner ? $"{path} belongs to {UserNames.Describe(status.Owner)}, not to {UserNames.Describe(owner)}: it is not trusted"
            : (status.Permissions & 0x12) != 0 ? $"{path} may be written by other users (mode {Convert.ToString(status.Permissions, 8)}): it is not trusted"
            : null;
    }
}
