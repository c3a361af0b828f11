using System.Globalization;
using System.Net.Sockets;

namespace TuiProcManager.Sessions.Tests.Transport;

/// <summary>A directory of its own in the temp directory for one test's sockets, removed with everything in it.</summary>
internal sealed class TempSocketDirectory : IDisposable
{
    /// <summary>The directory (short: a socket's path has at most 107 bytes).</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("tuiproc-t-").FullName;

    /// <summary>A path inside <see cref="Root"/>.</summary>
    public string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>
    /// Leaves a stale socket file at <paramref name="path"/>: a socket that was bound there and closed, as
    /// a killed server leaves it. (.NET deletes the file of a socket it bound when the socket is disposed, so
    /// the socket is bound under another name and the file moved before that.)
    /// </summary>
    public void MakeStaleSocket(string path)
    {
        string bound = PathOf("bound-" + Guid.NewGuid().ToString("N", CultureInfo.InvariantCulture)[..8]);
        using Socket socket = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(bound));
        File.Move(bound, path);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // A test removed it.
        }
    }
}
