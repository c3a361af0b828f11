using TuiProcManager.Core.Os;

namespace TuiProcManager.Linux.Tests.TestSupport;

/// <summary>A probe that counts the supervisor's rounds (each <see cref="IProcessProbe.BeginRound"/>) and reads through <paramref name="inner"/>.</summary>
internal sealed class CountingProbe(IProcessProbe inner) : IProcessProbe
{
    private int _rounds;

    /// <summary>Rounds begun so far.</summary>
    public int Rounds => Volatile.Read(ref _rounds);

    public void BeginRound(bool mayReuse)
    {
        _ = Interlocked.Increment(ref _rounds);
        inner.BeginRound(mayReuse);
    }

    public bool TryRead(int pid, out ProcessStatus status) => inner.TryRead(pid, out status);

    public IReadOnlyList<int> ReadChildren(int pid, int threads) => inner.ReadChildren(pid, threads);

    public MachineCpuTimes ReadMachineCpu() => inner.ReadMachineCpu();

    public bool AnyRanSinceLastRead => inner.AnyRanSinceLastRead;
}
