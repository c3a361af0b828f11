namespace TuiProcManager.Core.Workers;

/// <summary>
/// How long a square or cube worker takes, to make it worth watching: <see cref="Steps"/> times, about
/// <see cref="WorkMs"/> ms of CPU work and then <see cref="WaitMs"/> ms blocked, one progress line each.
/// </summary>
public sealed record Workload
{
    /// <summary>Most steps a worker accepts.</summary>
    public const int MaxSteps = 1_000_000;

    /// <summary>Longest work or wait per step, in milliseconds (one hour).</summary>
    public const int MaxMilliseconds = 3_600_000;

    /// <summary>No steps: the result is printed at once, as in the lesson.</summary>
    public static Workload Instant { get; } = new(0, 0, 0);

    /// <summary>Creates a workload.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A value is negative or above its maximum.</exception>
    public Workload(int steps, int workMs, int waitMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(steps, MaxSteps);
        ArgumentOutOfRangeException.ThrowIfNegative(workMs);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(workMs, MaxMilliseconds);
        ArgumentOutOfRangeException.ThrowIfNegative(waitMs);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(waitMs, MaxMilliseconds);
        (Steps, WorkMs, WaitMs) = (steps, workMs, waitMs);
    }

    /// <summary>Number of steps (0 = print the result at once).</summary>
    public int Steps { get; }

    /// <summary>CPU time spent per step, in milliseconds.</summary>
    public int WorkMs { get; }

    /// <summary>Time blocked (sleeping) per step, in milliseconds.</summary>
    public int WaitMs { get; }

    /// <summary>The worker's options for this workload, empty for <see cref="Instant"/>.</summary>
    public IEnumerable<string> ToArguments()
    {
        if (Steps == 0)
        {
            yield break;
        }

        yield return "--steps=" + Steps.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--work-ms=" + WorkMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        yield return "--wait-ms=" + WaitMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
