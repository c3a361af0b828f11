using System.Collections.Immutable;
using System.Globalization;

namespace TuiProcManager.Core.Scheduling;

/// <summary>
/// The end-of-run figures: the makespan, each worker's running, waiting and queued time, and how the
/// makespan compares with running the same workers one after another and all at once.
/// </summary>
/// <remarks>
/// The two comparisons are estimates from this run's own measurements, not reruns: one after another is
/// the sum of what each worker would take alone (running + waiting); all at once is the longest of those,
/// or the total running time spread over every core, whichever is larger.
/// </remarks>
/// <param name="Makespan">From the first spawn to the last end.</param>
/// <param name="Mode">The mode at the end of the run.</param>
/// <param name="Slots">Its run slots.</param>
/// <param name="Workers">Each worker, in spawn order.</param>
/// <param name="Cores">CPU cores the estimate of all-at-once assumes.</param>
/// <param name="WakeNotices">How long each wake-up went unnoticed, in pause-on-wait mode (see <see cref="Events.WorkerScheduled.NoticedWithin"/>).</param>
public sealed record RunSummary(
    TimeSpan Makespan,
    SchedulingMode Mode,
    int Slots,
    ImmutableArray<WorkerTimes> Workers,
    int Cores,
    ImmutableArray<TimeSpan> WakeNotices)
{
    /// <summary>Estimated makespan if each worker had run alone, one after another.</summary>
    public TimeSpan OneAfterAnother => Workers.Aggregate(TimeSpan.Zero, (sum, w) => sum + w.Alone);

    /// <summary>Estimated makespan if every worker had run at once on all cores.</summary>
    public TimeSpan AllAtOnce
    {
        get
        {
            TimeSpan longest = Workers.IsEmpty ? TimeSpan.Zero : Workers.Max(w => w.Alone);
            TimeSpan cpu = Workers.Aggregate(TimeSpan.Zero, (sum, w) => sum + w.Running) / Math.Max(1, Cores);
            return longest > cpu ? longest : cpu;
        }
    }

    /// <summary>The summary as lines of text, for the terminal and the UI.</summary>
    public IEnumerable<string> ToLines()
    {
        string mode = Mode == SchedulingMode.Parallel
            ? "parallel"
            : string.Create(CultureInfo.InvariantCulture, $"pause-on-wait, {Slots} slot{(Slots == 1 ? "" : "s")}");
        yield return $"Summary: makespan {S(Makespan)} ({mode}, {Workers.Length} worker{(Workers.Length == 1 ? "" : "s")})";
        int width = Math.Clamp(Workers.IsEmpty ? 6 : Workers.Max(w => Label(w).Length), 6, 40);
        yield return $"  {"worker".PadRight(width)}  {"running",9}  {"waiting",9}  {"queued",9}  {"paused",9}";
        foreach (WorkerTimes w in Workers)
        {
            string label = Label(w);
            label = label.Length > width ? label[..(width - 1)] + "…" : label.PadRight(width);
            yield return $"  {label}  {S(w.Running),9}  {S(w.Waiting),9}  {S(w.Queued),9}  {S(w.Paused),9}";
        }

        yield return $"  one after another ≈ {S(OneAfterAnother)} (this run: {Ratio(OneAfterAnother)} of it); " +
            $"all at once on {Cores} core{(Cores == 1 ? "" : "s")} ≈ {S(AllAtOnce)} (this run: {Ratio(AllAtOnce)} of it)";
        if (!WakeNotices.IsEmpty)
        {
            ImmutableArray<TimeSpan> sorted = [.. WakeNotices.Order()];
            yield return string.Create(
                CultureInfo.InvariantCulture,
                $"  wake-ups while the slots were taken: {sorted.Length}, noticed within {sorted[sorted.Length / 2].TotalMilliseconds:0.0} ms (median), {sorted[^1].TotalMilliseconds:0.0} ms at most");
        }
    }

    private static string Label(WorkerTimes w) => $"{w.Worker} {w.Name}";

    private string Ratio(TimeSpan estimate) => estimate > TimeSpan.Zero
        ? (Makespan / estimate).ToString("0.00", CultureInfo.InvariantCulture) + "×"
        : "—";

    private static string S(TimeSpan t) => t.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + " s";
}
