namespace TuiProcManager.Core.Os;

/// <summary>
/// Facts about the machine that the app's decisions depend on, read once by the composition root and
/// passed to whoever needs them, so that tests can state them (a 2-core or a 64-core machine) instead of
/// inheriting the test machine's.
/// </summary>
/// <param name="Cores">Logical CPUs the app may use (<see cref="Environment.ProcessorCount"/>: it honours the
/// process's affinity mask and cgroup CPU limit).</param>
public sealed record MachineFacts(int Cores)
{
    /// <summary>The machine this process runs on. Only the composition root (and tools outside it) read this.</summary>
    public static MachineFacts ThisMachine() => new(Environment.ProcessorCount);
}
