using System.Collections.Immutable;
using TuiProcManager.Core.Os;

namespace TuiProcManager.Linux.Proc;

/// <summary>Parses the per-core lines of <c>/proc/stat</c>: <c>cpuN user nice system idle iowait irq softirq steal …</c>.</summary>
internal static class MachineStatParser
{
    private const int Idle = 3, IoWait = 4, FirstGuest = 8; // 0-based after the name; guest time is already in user

    public static MachineCpuTimes Parse(ReadOnlySpan<byte> stat)
    {
        ImmutableArray<CoreTimes>.Builder cores = ImmutableArray.CreateBuilder<CoreTimes>();
        while (!stat.IsEmpty)
        {
            int end = stat.IndexOf((byte)'\n');
            ReadOnlySpan<byte> line = end < 0 ? stat : stat[..end];
            stat = end < 0 ? [] : stat[(end + 1)..];
            if (!line.StartsWith("cpu"u8))
            {
                if (cores.Count > 0)
                {
                    break; // the cpu lines come first and together
                }

                continue;
            }

            if (line.Length < 4 || line[3] == ' ')
            {
                continue; // the "cpu" total line
            }

            ulong busy = 0, total = 0;
            int space = line.IndexOf((byte)' ');
            ReadOnlySpan<byte> rest = line[(space + 1)..].TrimStart((byte)' ');
            for (int i = 0; !rest.IsEmpty && i < FirstGuest; i++)
            {
                int next = rest.IndexOf((byte)' ');
                ulong value = (ulong)ProcStatParser.Number(next < 0 ? rest : rest[..next]);
                total += value;
                if (i is not (Idle or IoWait))
                {
                    busy += value;
                }

                rest = next < 0 ? [] : rest[(next + 1)..];
            }

            cores.Add(new CoreTimes(busy, total));
        }

        return new MachineCpuTimes(cores.ToImmutable());
    }
}
