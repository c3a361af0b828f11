namespace TuiProcManager.Core.Supervision;

/// <summary>CPU use of one process between two readings, 100 = one whole core.</summary>
internal sealed class CpuMeter
{
    private TimeSpan _cpu;
    private DateTimeOffset _at;
    private bool _hasBaseline;

    /// <summary>Records a reading and returns the use since the previous one (0 for the first).</summary>
    public double Next(TimeSpan cpuTime, DateTimeOffset now)
    {
        double percent = 0;
        if (_hasBaseline && now > _at)
        {
            percent = Math.Max(0, (cpuTime - _cpu).TotalSeconds / (now - _at).TotalSeconds * 100);
        }

        (_cpu, _at, _hasBaseline) = (cpuTime, now, true);
        return percent;
    }

    /// <summary>Sets the baseline without producing a value, if there is none yet.</summary>
    public void Prime(TimeSpan cpuTime, DateTimeOffset now)
    {
        if (!_hasBaseline)
        {
            (_cpu, _at, _hasBaseline) = (cpuTime, now, true);
        }
    }
}
