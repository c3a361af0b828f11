using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace TuiProcManager.Sessions.Transport;

/// <summary>
/// The process at the other end of a Unix socket as the kernel recorded it (SO_PEERCRED, struct ucred): for
/// an accepted connection, the client at the time of its connect(2); for a listening socket, this process
/// itself at the time of listen(2), which Linux keeps there to hand to every client that connects.
/// </summary>
/// <remarks>A class, not a struct: as a connection feature, a missing one must read as null, never as uid 0.</remarks>
/// <param name="Pid">The process id.</param>
/// <param name="Uid">The effective user id.</param>
/// <param name="Gid">The effective group id.</param>
internal sealed record PeerCredentials(int Pid, uint Uid, uint Gid)
{
    private const int SolSocket = 1;
    private const int SoPeerCred = 17;
    private const int SoPeerGroups = 59;
    private const int UcredSize = 12;

    /// <summary>
    /// The peer's supplementary groups at connect(2) (SO_PEERGROUPS, Linux 4.13 and later), its effective
    /// group not always among them; empty when the kernel does not say (<see cref="Read"/> then leaves them
    /// out, and only <see cref="Gid"/> counts).
    /// </summary>
    public IReadOnlyList<uint> Groups { get; init; } = [];

    /// <summary>Whether the peer is in group <paramref name="gid"/>, as its effective or a supplementary group.</summary>
    public bool IsIn(uint gid) => Gid == gid || Groups.Contains(gid);

    /// <summary>Reads the credentials of <paramref name="socket"/>'s peer.</summary>
    /// <exception cref="SocketException">The kernel refused the option (not a Unix socket).</exception>
    public static PeerCredentials Read(Socket socket)
    {
        Span<byte> ucred = stackalloc byte[UcredSize];
        int length = socket.GetRawSocketOption(SolSocket, SoPeerCred, ucred);
        if (length < UcredSize)
        {
            throw new SocketException((int)SocketError.ProtocolOption);
        }

        return new PeerCredentials(
            MemoryMarshal.Read<int>(ucred),
            MemoryMarshal.Read<uint>(ucred[4..]),
            MemoryMarshal.Read<uint>(ucred[8..]))
        {
            Groups = ReadGroups(socket),
        };
    }

    private static uint[] ReadGroups(Socket socket)
    {
        // A process has at most NGROUPS_MAX (65,536) groups; most have a handful. ERANGE asks for more room.
        foreach (int room in (ReadOnlySpan<int>)[64, 65_536])
        {
            byte[] buffer = new byte[room * sizeof(uint)];
            try
            {
                int length = socket.GetRawSocketOption(SolSocket, SoPeerGroups, buffer);
                return MemoryMarshal.Cast<byte, uint>(buffer.AsSpan(0, length)).ToArray();
            }
            catch (SocketException)
            {
                // Too small (ERANGE: try the most), or a kernel without the option (before 4.13): none known.
            }
        }

        return [];
    }
}
