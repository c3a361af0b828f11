using System.Globalization;
using TuiProcManager.Core.Text;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Labs.Checks;

/// <summary>
/// Which workers a check counts: a kind, an N, and at least so much work and wait per step (so that "a
/// worker slow enough to watch" can be asked for). Every field is optional; an empty filter takes any worker.
/// </summary>
/// <param name="Kind">square, cube, command or pool; null for any.</param>
/// <param name="Number">N, canonical (as the spec parser writes it); null for any.</param>
/// <param name="MinSteps">At least this many steps.</param>
/// <param name="MinWorkMs">At least this much CPU work per step.</param>
/// <param name="MinWaitMs">At least this much waiting per step.</param>
/// <param name="MaxWaitMs">At most this much waiting per step (a busy worker); null for any.</param>
public sealed record WorkerFilter(WorkerKind? Kind, string? Number, int MinSteps, int MinWorkMs, int MinWaitMs, int? MaxWaitMs = null)
{
    /// <summary>Whether <paramref name="worker"/> is one of those counted.</summary>
    public bool Matches(WorkerFacts worker)
    {
        ArgumentNullException.ThrowIfNull(worker);
        WorkerSpec spec = worker.Spec;
        return (Kind is null || spec.Kind == Kind)
            && (Number is null || spec.Number == Number)
            && spec.Workload.Steps >= MinSteps
            && (MinWorkMs == 0 || (spec.Workload.Steps > 0 && spec.Workload.WorkMs >= MinWorkMs))
            && (MinWaitMs == 0 || (spec.Workload.Steps > 0 && spec.Workload.WaitMs >= MinWaitMs))
            && (MaxWaitMs is null || spec.Workload.WaitMs <= MaxWaitMs);
    }

    /// <summary>In words, for <paramref name="count"/> of them: "a square worker with N = 10", "2 workers".</summary>
    public string Describe(string count = "a")
    {
        bool plural = count is not ("a" or "1");
        string kind = Kind switch
        {
            WorkerKind.Square => "square ",
            WorkerKind.Cube => "cube ",
            WorkerKind.Command => "command ",
            WorkerKind.Pool => "pool ",
            _ => "",
        };
        string text = $"{count} {kind}worker{(plural ? "s" : "")}";
        List<string> with = [];
        if (Number is not null)
        {
            with.Add("N = " + Number);
        }

        if (MinSteps > 0)
        {
            with.Add(string.Create(CultureInfo.InvariantCulture, $"at least {Plural.Of(MinSteps, "step")}"));
        }

        if (MinWorkMs > 0)
        {
            with.Add(string.Create(CultureInfo.InvariantCulture, $"at least {MinWorkMs} ms of work"));
        }

        if (MinWaitMs > 0)
        {
            with.Add(string.Create(CultureInfo.InvariantCulture, $"at least {MinWaitMs} ms of waiting per step"));
        }

        if (MaxWaitMs is { } most)
        {
            with.Add(string.Create(CultureInfo.InvariantCulture, $"at most {most} ms of waiting per step"));
        }

        return with.Count == 0 ? text : text + " with " + string.Join(", ", with);
    }
}
