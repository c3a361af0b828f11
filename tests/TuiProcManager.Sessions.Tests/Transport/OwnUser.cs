using System.Globalization;

namespace TuiProcManager.Sessions.Tests.Transport;

/// <summary>This test process's effective uid, read from /proc (independently of the code under test).</summary>
internal static class OwnUser
{
    public static uint Uid { get; } = ReadEffectiveUid();

    private static uint ReadEffectiveUid()
    {
        // "Uid:\treal\teffective\tsaved\tfilesystem"
        string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("Uid:", StringComparison.Ordinal));
        return uint.Parse(line.Split('\t', StringSplitOptions.RemoveEmptyEntries)[2], CultureInfo.InvariantCulture);
    }
}
