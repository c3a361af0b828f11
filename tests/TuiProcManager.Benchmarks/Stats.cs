using System.Globalization;

namespace TuiProcManager.Benchmarks;

/// <summary>Small statistics over repeated measurements.</summary>
internal static class Stats
{
    public static double Median(IEnumerable<double> values)
    {
        double[] sorted = [.. values.Order()];
        if (sorted.Length == 0)
        {
            return double.NaN;
        }

        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    public static double Min(IEnumerable<double> values) => values.DefaultIfEmpty(double.NaN).Min();

    public static double Max(IEnumerable<double> values) => values.DefaultIfEmpty(double.NaN).Max();

    /// <summary>The nearest-rank percentile (<paramref name="percent"/> of 100); NaN when there are no values.</summary>
    public static double Percentile(IEnumerable<double> values, double percent)
    {
        double[] sorted = [.. values.Order()];
        return sorted.Length == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary><c>median (min–max)</c>, as the README writes figures from several rounds.</summary>
    public static string MedianRange(IEnumerable<double> values, string format)
    {
        double[] all = [.. values];
        string F(double v) => v.ToString(format, CultureInfo.InvariantCulture);
        return all.Length == 0 ? "—" : $"{F(Median(all))} ({F(Min(all))}–{F(Max(all))})";
    }
}
