using TuiProcManager.Core.Text;
using TuiProcManager.Sessions.Runtime;

namespace TuiProcManager.Sessions.Remote;

/// <summary>
/// Where a session is, as typed: <c>NAME</c> on this host, <c>HOST:NAME</c> on another (reached through
/// <c>ssh HOST tuiproc bridge NAME</c>), and either without a name for the only session there
/// (<c>HOST:</c>); <c>USER/NAME</c> (and <c>HOST:USER/NAME</c>) for another user's session shared with
/// you (<c>USER/</c>: the only one of theirs you can see).
/// </summary>
/// <remarks>
/// A session name has no ':' (<see cref="SessionDirectory.NameProblem"/>), so the text is split at its last
/// ':' and the host keeps every other one (<c>ssh://alice@lab:2222:3</c>, an IPv6 address). The host goes
/// to ssh as one argument, so the user's ssh configuration decides what it means (an alias, <c>user@host</c>);
/// only what ssh would read as an option (a leading '-') or what cannot be one argument is refused.
/// </remarks>
/// <param name="Host">The host, as ssh takes it; null: this host.</param>
/// <param name="Name">The session's name; null: the only session there.</param>
/// <param name="Owner">The user whose session it is, as typed; null: yours.</param>
internal sealed record SessionAddress(string? Host, string? Name, string? Owner = null)
{
    /// <summary>True for a session on another host.</summary>
    public bool IsRemote => Host is not null;

    /// <summary>The address of <paramref name="text"/> (null: the only local session), or the one line of what is wrong with it.</summary>
    public static SessionAddress Parse(string? text) =>
        TryParse(text, out SessionAddress? address, out string? problem) ? address : throw new ArgumentException(problem);

    /// <summary>Parses <paramref name="text"/>; false with the one line of what is wrong with it.</summary>
    public static bool TryParse(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out SessionAddress? address, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? problem)
    {
        address = null;
        if (text is null)
        {
            address = new SessionAddress(null, null);
            problem = null;
            return true;
        }

        int colon = text.LastIndexOf(':');
        string? host = colon < 0 ? null : text[..colon];
        string? name = colon < 0 ? text : text[(colon + 1)..];
        if (host is not null && HostProblem(host) is { } badHost)
        {
            problem = badHost;
            return false;
        }

        string? owner = null;
        if (name.IndexOf('/') is int slash and >= 0)
        {
            owner = name[..slash];
            name = name[(slash + 1)..];
            if (OwnerProblem(owner) is { } badOwner)
            {
                problem = badOwner;
                return false;
            }
        }

        if ((host is not null || owner is not null) && name.Length == 0)
        {
            name = null; // HOST: is the host's only session, USER/ the user's only one
        }
        else if (SessionDirectory.NameProblem(name) is { } badName)
        {
            problem = badName;
            return false;
        }

        address = new SessionAddress(host, name, owner);
        problem = null;
        return true;
    }

    /// <summary>The one line saying what is wrong with <paramref name="owner"/> as a user's name (or number), or null.</summary>
    public static string? OwnerProblem(string owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return owner.Length == 0 ? "a user is missing before '/' (USER/NAME)"
            : owner.StartsWith('-') || owner.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or ':')
                ? $"'{InputText.Shorten(owner)}' is not a user's name"
                : null;
    }

    /// <summary>The session's part of the address, as <c>tuiproc bridge</c> takes it: <c>NAME</c>, <c>USER/NAME</c>, <c>USER/</c>; null for the only one.</summary>
    public string? Local => Owner is null ? Name : $"{Owner}/{Name}";

    /// <summary>The one line saying what is wrong with <paramref name="host"/> as an ssh destination, or null.</summary>
    public static string? HostProblem(string host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Length == 0 ? "a host is missing before ':' (HOST:NAME)"
            : host.StartsWith('-') ? $"'{InputText.Shorten(host)}' is not a host: it starts with '-', which ssh would take for an option"
            : host.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) ? $"'{InputText.Shorten(host)}' is not a host: it has a space or a control character"
            : null;
    }

    /// <summary>How the session is named to the user once connected: <c>NAME</c>, or <c>HOST:NAME</c>.</summary>
    /// <param name="name">The session's name, as its server says it (the only session's, when none was given).</param>
    public string Shown(string name)
    {
        string local = Owner is null ? name : $"{Owner}/{name}";
        return Host is null ? local : $"{Host}:{local}";
    }

    /// <inheritdoc />
    public override string ToString() => Host is null ? Local ?? "" : $"{Host}:{Local}";
}
