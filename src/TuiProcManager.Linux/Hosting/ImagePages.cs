using System.Globalization;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Hosting;

/// <summary>
/// Lets go of the pages of this process's executable that it has mapped but no longer uses: a long-lived
/// process that has gone quiet (a session server with nobody attached) keeps only what it touches again.
/// </summary>
/// <remarks>
/// <para>
/// Why: the NativeAOT tuiproc is a 29 MB image, and the kernel maps up to 16 pages around each page fault,
/// so a session server had 25 MiB of it resident after its start and its first attach, of which an idle
/// server touches about a third. Those pages are clean copies of the file: dropped from this process they
/// stay in the page cache (shared with every tuiproc, reclaimable), and a page touched again is mapped again
/// from there (a minor fault, no disk read while the cache holds it).
/// </para>
/// <para>
/// Safe only for mappings whose every page is the file's: not writable (nothing can copy a page on write
/// while this runs) and without anonymous pages (a page written during start, such as relocated data, then
/// made read-only, would revert to the file's bytes). Anything else is left as it is.
/// </para>
/// </remarks>
public static class ImagePages
{
    /// <summary>
    /// Drops the executable's clean read-only pages from this process; returns the bytes they held (0 when
    /// /proc cannot be read, or nothing qualified).
    /// </summary>
    public static long DropUnused()
    {
        string? exe = Environment.ProcessPath;
        if (exe is null)
        {
            return 0;
        }

        List<(nint Start, nuint Length, long Resident)> clean = [];
        try
        {
            (nint Start, nuint Length, bool Candidate) mapping = default;
            long resident = 0;
            foreach (string line in File.ReadLines("/proc/self/smaps"))
            {
                if (MapsLine(line, exe) is { } header)
                {
                    mapping = header;
                    resident = 0;
                }
                else if (mapping.Candidate && line.StartsWith("Rss:", StringComparison.Ordinal))
                {
                    resident = Kib(line) * 1024;
                }
                else if (mapping.Candidate && line.StartsWith("Anonymous:", StringComparison.Ordinal) && Kib(line) == 0 && resident > 0)
                {
                    clean.Add((mapping.Start, mapping.Length, resident));
                }
            }
        }
        catch (IOException)
        {
            return 0;
        }

        long dropped = 0;
        foreach ((nint start, nuint length, long resident) in clean)
        {
            dropped += Libc.Madvise(start, length, Libc.MADV_DONTNEED) == 0 ? resident : 0;
        }

        return dropped;
    }

    /// <summary>
    /// A mapping's header line (<c>START-END PERMS OFFSET DEV INODE PATH</c>) and whether it is a read-only
    /// mapping of <paramref name="exe"/>; null for a line of a mapping's details.
    /// </summary>
    private static (nint Start, nuint Length, bool Candidate)? MapsLine(string line, string exe)
    {
        int dash = line.IndexOf('-', StringComparison.Ordinal);
        int space = line.IndexOf(' ', StringComparison.Ordinal);
        if (dash <= 0 || space <= dash
            || !ulong.TryParse(line.AsSpan(0, dash), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong start)
            || !ulong.TryParse(line.AsSpan(dash + 1, space - dash - 1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out ulong end))
        {
            return null;
        }

        string[] fields = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        bool candidate = fields.Length == 6 && fields[1].Length == 4 && fields[1][1] != 'w' && fields[1][3] == 'p' && fields[5].Trim() == exe;
        return ((nint)start, (nuint)(end - start), candidate);
    }

    /// <summary>The number of a <c>Name:   123 kB</c> line.</summary>
    private static long Kib(string line) =>
        long.TryParse(line.AsSpan(line.IndexOf(':', StringComparison.Ordinal) + 1).Trim().TrimEnd("kB").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long kib) ? kib : -1;
}
