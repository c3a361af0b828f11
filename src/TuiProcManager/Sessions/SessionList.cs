using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Client;

namespace TuiProcManager.Sessions;

/// <summary>
/// This user's live sessions on this host, each as it answered Hello: for <c>tuiproc ls</c>, and for the
/// bridge that lists them to <c>tuiproc ls HOST</c> on another host. A session whose server is gone, or
/// that cannot be talked to, is said in one line on stderr and left out (its stale socket removed).
/// </summary>
internal static class SessionList
{
    /// <summary>Says hello to every session of this user's session directory, in the order of their names.</summary>
    /// <exception cref="SessionException">The session directory is not this user's (one line).</exception>
    public static async Task<IReadOnlyList<HelloReply>> GatherAsync(TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        Runtime.SessionDirectory directory = SessionConnector.Directory;
        if (directory.ClientProblem() is { } unusable)
        {
            throw new SessionException(unusable);
        }

        List<HelloReply> live = [];
        foreach (string name in directory.Names())
        {
            try
            {
                await using SessionConnection connection = await SessionConnector.ConnectAsync(name, "ls").ConfigureAwait(false);
                live.Add(connection.Hello);
            }
            catch (SessionException e)
            {
                await stderr.WriteLineAsync("tuiproc: " + e.Message).ConfigureAwait(false);
            }
        }

        return live;
    }
}
