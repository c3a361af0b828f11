using System.Globalization;
using System.Text.RegularExpressions;
using TuiProcManager.Linux.Hosting;

namespace TuiProcManager.Sessions.Runtime;

/// <summary>
/// Where this user's sessions are: a directory of sockets (<c>NAME.sock</c>) and server logs
/// (<c>NAME.log</c>), <c>$XDG_RUNTIME_DIR/tuiproc</c>, or <c>/tmp/tuiproc-UID</c> where there is no
/// runtime directory (a login without systemd, a container). Mode 0700 and owned by the user: another
/// user can neither reach a socket nor plant one.
/// </summary>
public sealed partial class SessionDirectory
{
    /// <summary>The most characters of a session name (the socket path must stay under 108 bytes).</summary>
    public const int MaxNameLength = 32;

    private SessionDirectory(string root) => Root = root;

    /// <summary>The directory.</summary>
    public string Root { get; }

    /// <summary>This user's session directory (not created yet: see <see cref="Prepare"/>).</summary>
    /// <param name="environment">Reads an environment variable (XDG_RUNTIME_DIR).</param>
    public static SessionDirectory ForThisUser(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? runtime = environment("XDG_RUNTIME_DIR");
        return new SessionDirectory(
            !string.IsNullOrEmpty(runtime) && Path.IsPathFullyQualified(runtime) && Directory.Exists(runtime)
                ? Path.Combine(runtime, "tuiproc")
                : Path.Combine(Path.GetTempPath(), "tuiproc-" + UserIdentity.EffectiveUid.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>A session directory at <paramref name="root"/> (tests).</summary>
    public static SessionDirectory At(string root) => new(root);

    /// <summary>The one line saying what is wrong with <paramref name="name"/> as a session name, or null.</summary>
    public static string? NameProblem(string name) =>
        ValidName().IsMatch(name ?? "")
            ? null
            : $"'{Core.Text.InputText.Shorten(name ?? "")}' is not a session name: use 1 to {MaxNameLength} letters, digits, '.', '_' or '-', starting with a letter or a digit";

    /// <summary>Creates the directory (0700) if missing; the one line of why it cannot be used, or null.</summary>
    public string? Prepare()
    {
        try
        {
            if (UserIdentity.StatusOf(Root) is null)
            {
                _ = Directory.CreateDirectory(Root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot make the session directory {Root}: {e.Message}";
        }

        return Problem();
    }

    /// <summary>Why the directory cannot be trusted (not ours, open to others, not a directory), or null.</summary>
    public string? Problem()
    {
        if (UserIdentity.StatusOf(Root) is not { } status)
        {
            return $"the session directory {Root} is missing";
        }

        uint me = UserIdentity.EffectiveUid;
        return !status.IsDirectory ? $"{Root} is not a directory"
            : status.Owner != me ? NotYours(Root, status.Owner, me)
            : (status.Permissions & 0x3F) != 0 ? $"the session directory {Root} is open to other users (mode {Convert.ToString(status.Permissions, 8)}; it must be 700)"
            : null;
    }

    /// <summary>
    /// Why a client must not look for sessions here, or null: the directory belongs to another user (an
    /// XDG_RUNTIME_DIR pointing at someone else's), is out of reach behind another user's directory, or is
    /// not a directory. A missing directory is no problem: there is no session yet.
    /// </summary>
    /// <remarks>
    /// Its mode is the server's to check (<see cref="Prepare"/>). A client needs to know that a socket here
    /// was put there by its own user, which only the directory's owner vouches for: in a directory of
    /// another user, a socket may be anybody's server.
    /// </remarks>
    public string? ClientProblem()
    {
        uint me = UserIdentity.EffectiveUid;
        if (UserIdentity.StatusOf(Root) is { } status)
        {
            return !status.IsDirectory ? $"{Root} is not a directory"
                : status.Owner != me ? NotYours(Root, status.Owner, me)
                : null;
        }

        if (!OutOfReach(Root))
        {
            return null;
        }

        string parent = Path.GetDirectoryName(Root) ?? "/";
        return UserIdentity.StatusOf(parent) is { } above && above.Owner != me
            ? $"the session directory {Root} is out of reach: {parent} belongs to {Transport.UserNames.Describe(above.Owner)}, not to you ({Transport.UserNames.Describe(me)})"
            : $"the session directory {Root} is out of reach: a directory on its path may not be searched by you ({Transport.UserNames.Describe(me)})";
    }

    /// <summary>The socket of session <paramref name="name"/>.</summary>
    public string SocketOf(string name) => Path.Combine(Root, name + ".sock");

    /// <summary>The server log of session <paramref name="name"/>.</summary>
    public string LogOf(string name) => Path.Combine(Root, name + ".log");

    /// <summary>The sessions that have a socket here (live or not), by name, numbers in numeric order.</summary>
    public IReadOnlyList<string> Names()
    {
        if (!Directory.Exists(Root))
        {
            return [];
        }

        try
        {
            return [.. Directory.EnumerateFiles(Root, "*.sock")
                .Select(p => Path.GetFileNameWithoutExtension(p))
                .Where(n => NameProblem(n) is null)
                .OrderBy(n => int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out int number) ? number : int.MaxValue)
                .ThenBy(n => n, StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return []; // another user's directory, or removed meanwhile: ClientProblem says which
        }
    }

    /// <summary>A short name no session here has: the first free number from 1, as tmux names its sessions.</summary>
    public string NewName()
    {
        HashSet<string> taken = [.. Names()];
        int n = 1;
        while (taken.Contains(n.ToString(CultureInfo.InvariantCulture)))
        {
            n++;
        }

        return n.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Removes a dead session's socket (its log is kept: it may say why the server died).</summary>
    public void ForgetSocket(string name)
    {
        try
        {
            File.Delete(SocketOf(name));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Someone else's cleanup, or not ours to remove: ls shows it again next time.
        }
    }

    private static string NotYours(string root, uint owner, uint me) =>
        $"the session directory {root} belongs to {Transport.UserNames.Describe(owner)}, not to you ({Transport.UserNames.Describe(me)})";

    /// <summary>True when <paramref name="path"/> cannot be looked at for want of permission (EACCES), not for being missing.</summary>
    internal static bool OutOfReach(string path)
    {
        try
        {
            _ = File.GetUnixFileMode(path);
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")]
    private static partial Regex ValidName();
}
