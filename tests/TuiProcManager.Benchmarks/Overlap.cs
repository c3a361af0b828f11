using System.Diagnostics;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// From a <see cref="StateSampler"/>'s samples: how many showed more than K workers in state R, and the
/// longest stretch of them, measured from the last sample at most K before it to the first one after it
/// (an upper bound: the stretch began and ended somewhere between those samples).
/// </summary>
internal sealed record Overlap(int Samples, int Over, double LongestMs, double MedianIntervalUs)
{
    public double Fraction => Samples == 0 ? double.NaN : (double)Over / Samples;

    public static Overlap Of(IReadOnlyList<(long At, int Running)> samples, int slots)
    {
        int over = 0;
        double longest = 0;
        long? since = null;
        for (int i = 0; i < samples.Count; i++)
        {
            (long at, int running) = samples[i];
            if (running > slots)
            {
                over++;
                since ??= i > 0 ? samples[i - 1].At : at;
            }
            else if (since is { } s)
            {
                longest = Math.Max(longest, Stopwatch.GetElapsedTime(s, at).TotalMilliseconds);
                since = null;
            }
        }

        if (since is { } open && samples.Count > 0)
        {
            longest = Math.Max(longest, Stopwatch.GetElapsedTime(open, samples[^1].At).TotalMilliseconds);
        }

        double interval = Stats.Median(samples.Skip(1).Select((s, i) => Stopwatch.GetElapsedTime(samples[i].At, s.At).TotalMicroseconds));
        return new Overlap(samples.Count, over, longest, interval);
    }
}
