namespace TuiProcManager.Testing;

/// <summary>A fact that only root can run (CI runs as root); skipped, with the reason, anywhere else.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute(string why)
    {
        if (!IsRoot)
        {
            Skip = "needs root: " + why;
        }
    }

    /// <summary>True when this process's effective uid is 0, read from /proc (independently of the code under test).</summary>
    public static bool IsRoot { get; } = File.ReadLines("/proc/self/status")
        .First(l => l.StartsWith("Uid:", StringComparison.Ordinal))
        .Split('\t', StringSplitOptions.RemoveEmptyEntries)[2] == "0";
}
