namespace TuiProcManager.Core.Os;

/// <summary>Reads what the OS says about processes and CPUs (on Linux, <c>/proc</c>).</summary>
/// <remarks>Called from the supervisor's sampling thread only; it does not need to be thread-safe.</remarks>
public interface IProcessProbe
{
    /// <summary>Reads one process's state, CPU time and memory.</summary>
    /// <returns>False when there is no such process (any more).</returns>
    bool TryRead(int pid, out ProcessStatus status);

    /// <summary>The direct children of <paramref name="pid"/> (of all its threads); empty when it is gone.</summary>
    /// <param name="pid">The process.</param>
    /// <param name="threads">
    /// Its thread count, when it was just read (<see cref="ProcessStatus.Threads"/>); 0 when not known. On
    /// Linux each thread lists its own children, and a process of one thread is read without listing its
    /// threads first (a child forked by a thread started since is seen at the next reading).
    /// </param>
    IReadOnlyList<int> ReadChildren(int pid, int threads);

    /// <summary>Cumulative busy and total time of each CPU core since boot.</summary>
    MachineCpuTimes ReadMachineCpu();

    /// <summary>
    /// A new round of readings begins (every live worker, then each one's descendants, parents first): a
    /// probe may keep what it learns about a process for the rest of the round (on Linux, whether it has
    /// run since it was last read). Nothing by default.
    /// </summary>
    /// <param name="mayReuse">
    /// Whether a process that has not run since it was last read may be given its last reading again. Not in
    /// pause-on-wait mode: a worker woken but not yet on a CPU must be seen then (it reads as running), so
    /// that it is paused before it runs.
    /// </param>
    void BeginRound(bool mayReuse)
    {
    }

    /// <summary>
    /// Whether any process read since <see cref="BeginRound"/> has run since it was last read, or may have
    /// (one read for the first time, or one the probe cannot tell about): a supervisor with nobody watching
    /// reads less often only while nothing has run. True by default: a probe that cannot tell says so.
    /// </summary>
    bool AnyRanSinceLastRead => true;
}
