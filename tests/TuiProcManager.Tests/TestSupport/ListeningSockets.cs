using System.Globalization;
using TuiProcManager.Testing;

namespace TuiProcManager.Tests.TestSupport;

/// <summary>
/// The sockets a process tree listens on, read from /proc (never through the code under test): each
/// process's socket inodes (/proc/PID/fd links to <c>socket:[INODE]</c>) matched against the kernel's
/// tables in /proc/net. Listening means a TCP socket in LISTEN, a UDP socket bound to a port and not
/// connected, or a unix socket accepting connections with a name (a path or an abstract name).
/// </summary>
internal static class ListeningSockets
{
    /// <summary>
    /// Listening sockets of <paramref name="root"/> and its descendants, but for the .NET runtime's own
    /// diagnostic port (<c>$TMPDIR/dotnet-diagnostic-PID-…-socket</c>, for dotnet-trace and dotnet-dump),
    /// which is there in every .NET process unless <c>DOTNET_EnableDiagnostics=0</c>: that one must be
    /// reachable by its owner only (mode 0600), else it is reported too.
    /// </summary>
    public static IReadOnlyList<string> OfTreeButTheRuntimesOwnerOnlyDiagnosticPort(int root) =>
        [.. Of(root).Where(s => !IsOwnerOnlyDiagnosticPort(s))];

    private static bool IsOwnerOnlyDiagnosticPort(string socket)
    {
        // "unix /tmp/dotnet-diagnostic-4711-123456-socket (pid 4711)"
        string[] parts = socket.Split(' ');
        string pid = parts[^1].TrimEnd(')');
        return parts[0] == "unix"
            && Path.GetFileName(parts[1]).StartsWith($"dotnet-diagnostic-{pid}-", StringComparison.Ordinal)
            && Path.GetDirectoryName(parts[1]) == Path.GetTempPath().TrimEnd('/')
            && File.GetUnixFileMode(parts[1]) == (UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    /// <summary>One line per listening socket of <paramref name="root"/> or any of its descendants, e.g. <c>tcp 0.0.0.0:8080 (pid 4711)</c>.</summary>
    public static IReadOnlyList<string> Of(int root)
    {
        Dictionary<long, int> owners = [];
        foreach (int pid in ProcessTools.Descendants(root).Prepend(root))
        {
            foreach (long inode in SocketInodes(pid))
            {
                owners.TryAdd(inode, pid);
            }
        }

        List<string> found = [];
        foreach ((string table, string listening) in new[] { ("tcp", "0A"), ("tcp6", "0A"), ("udp", "07"), ("udp6", "07") })
        {
            foreach (string[] f in Rows($"/proc/net/{table}"))
            {
                // sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
                bool bound = !f[1].EndsWith(":0000", StringComparison.Ordinal);
                bool unconnected = f[2].EndsWith(":0000", StringComparison.Ordinal);
                bool listens = table.StartsWith("tcp", StringComparison.Ordinal) ? f[3] == listening : f[3] == listening && bound && unconnected;
                if (listens && owners.TryGetValue(long.Parse(f[9], CultureInfo.InvariantCulture), out int pid))
                {
                    found.Add($"{table} {f[1]} (pid {pid})");
                }
            }
        }

        foreach (string[] f in Rows("/proc/net/unix"))
        {
            // Num RefCount Protocol Flags Type St Inode [Path]; flag 0x10000 is __SO_ACCEPTCON (listen() was called)
            bool accepts = (int.Parse(f[3], NumberStyles.HexNumber, CultureInfo.InvariantCulture) & 0x10000) != 0;
            if (accepts && f.Length > 7 && owners.TryGetValue(long.Parse(f[6], CultureInfo.InvariantCulture), out int pid))
            {
                found.Add($"unix {f[7]} (pid {pid})");
            }
        }

        return found;
    }

    /// <summary>How many sockets the tree has open at all (to show the check can see them).</summary>
    public static int Count(int root) => ProcessTools.Descendants(root).Prepend(root).Sum(pid => SocketInodes(pid).Count());

    private static IEnumerable<long> SocketInodes(int pid)
    {
        string[] fds;
        try
        {
            fds = Directory.GetFileSystemEntries($"/proc/{pid}/fd");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break; // gone
        }

        foreach (string fd in fds)
        {
            string? target;
            try
            {
                target = new FileInfo(fd).LinkTarget;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue; // closed meanwhile
            }

            if (target is ['s', 'o', 'c', 'k', 'e', 't', ':', '[', .. string inode, ']'])
            {
                yield return long.Parse(inode, CultureInfo.InvariantCulture);
            }
        }
    }

    private static IEnumerable<string[]> Rows(string table) =>
        File.Exists(table)
            ? File.ReadLines(table).Skip(1).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            : [];
}
