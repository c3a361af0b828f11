namespace TuiProcManager.Linux.Processes;

/// <summary>
/// The I/O loop's processes that have exited but whose output pipes have not all reached end of file yet:
/// each waits for them until a deadline, <see cref="LinuxProcessOptions.ExitDrainTimeout"/> after its exit
/// (or after the end of a hold), and is then completed without them (something that escaped the process
/// group holds them open). A held process's deadline does not run out: its pipes are not being read.
/// </summary>
/// <remarks>I/O thread only.</remarks>
internal sealed class ExitDrains(TimeSpan timeout)
{
    private readonly List<ProcessWatch> _waiting = [];

    /// <summary>Sets the process's deadline to the timeout from now: at its exit, and again when a hold ends.</summary>
    public void StartDeadline(ProcessWatch watch) =>
        watch.DrainDeadline = Environment.TickCount64 + (long)timeout.TotalMilliseconds;

    /// <summary>The process has exited and waits for its pipes.</summary>
    public void Add(ProcessWatch watch) => _waiting.Add(watch);

    /// <summary>The process is complete (its exit reported); nothing if it was not waiting.</summary>
    public void Remove(ProcessWatch watch) => _waiting.Remove(watch);

    /// <summary>The waiting processes, not held, whose deadline has passed: a copy, since completing one removes it.</summary>
    public List<ProcessWatch> Expired()
    {
        long now = Environment.TickCount64;
        return _waiting.Where(w => w.DrainDeadline <= now && !w.Held).ToList();
    }

    /// <summary>Milliseconds until the next deadline of a process not held; -1 when there is none.</summary>
    public int NextTimeoutMs()
    {
        if (!_waiting.Any(w => !w.Held))
        {
            return -1;
        }

        return (int)Math.Clamp(_waiting.Where(w => !w.Held).Min(w => w.DrainDeadline) - Environment.TickCount64, 0, int.MaxValue);
    }
}
