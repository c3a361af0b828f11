namespace TuiProcManager.Linux.Processes;

/// <summary>
/// When the <see cref="StraySweeper"/> sweeps next (Environment.TickCount64 times): at once after a worker's
/// end and a few times more up to 2 s later, since a grandchild is re-parented to us only once its own
/// parent has died. I/O thread only.
/// </summary>
internal sealed class SweepSchedule
{
    private static readonly int[] DelaysAfterAnEndMs = [0, 20, 100, 500, 2000];

    private readonly List<long> _due = []; // sorted

    /// <summary>No sweep is due, now or later.</summary>
    public bool IsEmpty => _due.Count == 0;

    /// <summary>A worker ended at <paramref name="now"/>: sweeps at once and a few times more.</summary>
    public void AfterAnEnd(long now)
    {
        _due.AddRange(DelaysAfterAnEndMs.Select(d => now + d));
        _due.Sort();
    }

    /// <summary>Milliseconds until the next sweep is due; -1 when none is.</summary>
    public int NextTimeoutMs() =>
        _due.Count == 0 ? -1 : (int)Math.Clamp(_due[0] - Environment.TickCount64, 0, int.MaxValue);

    /// <summary>A sweep is due at <paramref name="now"/>.</summary>
    public bool IsDue(long now) => _due.Count > 0 && _due[0] <= now;

    /// <summary>The sweep due now cannot be made: it is moved to <paramref name="retryAt"/>.</summary>
    public void PutOff(long retryAt)
    {
        _due[0] = retryAt;
        _due.Sort();
    }

    /// <summary>The sweep is made: every time due by <paramref name="now"/> is taken off.</summary>
    public void Done(long now) => _due.RemoveAll(t => t <= now);

    /// <summary>One more sweep at <paramref name="at"/>.</summary>
    public void Add(long at)
    {
        _due.Add(at);
        _due.Sort();
    }
}
