using System.Globalization;

namespace TuiProcManager.Labs.Checks;

/// <summary>
/// Every core of the machine at least <see cref="Percent"/> busy in <see cref="Seconds"/> machine samples
/// in a row (one a second: what the CPU panel's bars show). The lab file's <c>coresBusy</c>.
/// </summary>
public sealed class CoresBusyCheck(int percent, int seconds) : Check
{
    /// <summary>How busy, at least, each core.</summary>
    public int Percent { get; } = percent;

    /// <summary>For how many one-second samples in a row.</summary>
    public int Seconds { get; } = seconds;

    /// <inheritdoc />
    public override string Kind => "coresBusy";

    /// <inheritdoc />
    public override bool IsMet(LabWorld world, Func<Check, bool> held)
    {
        ArgumentNullException.ThrowIfNull(world);
        IReadOnlyList<(DateTimeOffset Time, double LeastBusyCore)> samples = world.CpuSamples;
        int streak = 0;
        for (int i = samples.Count - 1; i >= 0 && samples[i].LeastBusyCore >= Percent; i--)
        {
            streak++;
        }

        return streak >= Seconds;
    }

    /// <inheritdoc />
    public override string Describe() =>
        string.Create(CultureInfo.InvariantCulture, $"every core at least {Percent}% busy for {Seconds} s in a row");
}
