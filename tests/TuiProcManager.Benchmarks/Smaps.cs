using System.Globalization;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// Where a process's resident memory is, from /proc/PID/smaps: the GC's heap, the program's own file
/// (code and read-only data of a NativeAOT binary), shared libraries, and other anonymous memory (malloc,
/// thread stacks, the binary's static data, the GC's bookkeeping).
/// </summary>
/// <remarks>
/// The GC's heap is told from other anonymous memory by its reservation: the GC reserves one large range
/// of address space at start (256 GiB with regions) and commits pieces of it, which the kernel shows as
/// adjacent anonymous mappings; the longest run of adjacent anonymous mappings, when over 1 GiB, is it.
/// </remarks>
internal readonly record struct Smaps(double GcHeapMib, double BinaryMib, double LibrariesMib, double OtherAnonMib)
{
    public double TotalMib => GcHeapMib + BinaryMib + LibrariesMib + OtherAnonMib;

    public static Smaps Read(int pid)
    {
        string binary = File.ResolveLinkTarget($"/proc/{pid}/exe", returnFinalTarget: true)?.FullName ?? "";
        List<(ulong Start, ulong End, string Path, long RssKib)> maps = [];
        foreach (string line in File.ReadLines($"/proc/{pid}/smaps"))
        {
            string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length >= 5 && f[0].Contains('-', StringComparison.Ordinal) && !f[0].EndsWith(':'))
            {
                string[] range = f[0].Split('-');
                maps.Add((ulong.Parse(range[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture), ulong.Parse(range[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture), f.Length > 5 ? f[5] : "", 0));
            }
            else if (f.Length >= 2 && f[0] == "Rss:" && maps.Count > 0)
            {
                maps[^1] = maps[^1] with { RssKib = long.Parse(f[1], CultureInfo.InvariantCulture) };
            }
        }

        // The longest run of adjacent anonymous mappings: the GC's reservation.
        (int First, int Last) heap = (-1, -1);
        ulong longest = 0;
        for (int i = 0; i < maps.Count; i++)
        {
            if (maps[i].Path.Length > 0)
            {
                continue;
            }

            int j = i;
            while (j + 1 < maps.Count && maps[j + 1].Path.Length == 0 && maps[j + 1].Start == maps[j].End)
            {
                j++;
            }

            if (maps[j].End - maps[i].Start > longest)
            {
                longest = maps[j].End - maps[i].Start;
                heap = (i, j);
            }

            i = j;
        }

        if (longest < 1UL << 30)
        {
            heap = (-1, -1);
        }

        long gc = 0, bin = 0, libs = 0, other = 0;
        for (int i = 0; i < maps.Count; i++)
        {
            (_, _, string path, long rss) = maps[i];
            if (i >= heap.First && i <= heap.Last && heap.First >= 0)
            {
                gc += rss;
            }
            else if (path == binary)
            {
                bin += rss;
            }
            else if (path.StartsWith('/'))
            {
                libs += rss;
            }
            else
            {
                other += rss;
            }
        }

        return new(gc / 1024.0, bin / 1024.0, libs / 1024.0, other / 1024.0);
    }
}
