using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions.Remote;

/// <summary>
/// Connects to a session on another host: <c>ssh HOST tuiproc bridge [NAME]</c>, and the session protocol
/// over ssh's stdin and stdout, exactly as over a local socket (Hello checks the versions). A failure is
/// one line: ssh's own (unknown host, authentication, no tuiproc there), the remote bridge's (no such
/// session there), or the session's (another protocol version).
/// </summary>
internal static class RemoteConnector
{
    /// <summary>Connects to the session at <paramref name="address"/>, which names a host.</summary>
    /// <param name="address">The session's host and name (null: the host's only session).</param>
    /// <param name="client">Who connects ("attach", "ctl"), for the server.</param>
    /// <param name="stderr">Where what ssh said while connecting goes once the session has answered.</param>
    /// <param name="environment">Reads an environment variable (<see cref="SshCommand.Variable"/>).</param>
    /// <exception cref="SessionException">The session cannot be reached or talked to (one line).</exception>
    /// <exception cref="ArgumentException"><see cref="SshCommand.Variable"/> is not a command (bad input).</exception>
    public static async Task<SessionConnection> ConnectAsync(SessionAddress address, string client, TextWriter stderr, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentNullException.ThrowIfNull(stderr);
        string host = address.Host ?? throw new ArgumentException("not a remote session: " + address, nameof(address));
        SshCommand ssh = SshCommand.FromEnvironment(environment);
        SshLink link = SshLink.Start(ssh, host, address.Local is { } local ? ["bridge", local] : ["bridge"]);
        SessionConnection connection;
        try
        {
            // The channel owns the stream from its one connect on, and disposing the stream ends ssh.
            connection = await SessionConnection.OpenAsync(SessionChannel.ForStream(_ => ValueTask.FromResult(link.Stream)), client).ConfigureAwait(false);
        }
        catch (SessionException e)
        {
            string line = await link.FailureAsync().ConfigureAwait(false) ?? $"on {host}: {e.Message}";
            link.Dispose();
            throw new SessionException(line, e);
        }

        link.Connected(stderr);
        return connection;
    }
}
