using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Client;

namespace TuiProcManager.Sessions.Remote;

/// <summary>
/// <c>tuiproc ls HOST</c>: <c>ssh HOST tuiproc bridge --list</c>, which says hello to every session there and
/// writes the answers (<see cref="BridgeListing"/>); one ssh for the whole list, one prompt at most.
/// </summary>
internal static class RemoteListing
{
    /// <summary>The live sessions on <paramref name="host"/>, each as its server answered (its clock in <see cref="SessionStatus.Now"/>).</summary>
    /// <param name="host">The host, as ssh takes it.</param>
    /// <param name="stderr">Where what ssh and the remote tuiproc said goes (a stale session there), once listed.</param>
    /// <param name="environment">Reads an environment variable (<see cref="SshCommand.Variable"/>).</param>
    /// <exception cref="SessionException">The host cannot be reached, or its tuiproc cannot list (one line).</exception>
    /// <exception cref="ArgumentException"><see cref="SshCommand.Variable"/> is not a command (bad input).</exception>
    public static async Task<IReadOnlyList<SessionStatus>> FetchAsync(string host, TextWriter stderr, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        using SshLink link = SshLink.Start(SshCommand.FromEnvironment(environment), host, ["bridge", "--list"]);
        byte[] listing = await link.ReadToEndAsync().ConfigureAwait(false);
        IReadOnlyList<SessionStatus> sessions = BridgeListing.Read(listing, host);
        link.Connected(stderr);
        return sessions;
    }
}
