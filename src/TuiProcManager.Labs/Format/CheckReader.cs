using System.Text.Json;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;
using TuiProcManager.Labs.Checks;

namespace TuiProcManager.Labs.Format;

/// <summary>
/// Reads a step's <c>check</c>: an object with exactly one member, named after the check, whose value
/// holds its settings (<c>{"spawned": {"kind": "square", "n": 10}}</c>). Every setting is checked here,
/// so that a lab that loads can always be checked.
/// </summary>
internal static class CheckReader
{
    /// <summary>Largest worker count a check may ask for.</summary>
    private const int MaxWorkers = 1000;

    private static readonly Dictionary<string, Func<JsonCursor, Check>> Kinds = new(StringComparer.Ordinal)
    {
        ["spawned"] = c => Workers(c, WorkerFact.Spawned),
        ["joined"] = c => Workers(c, WorkerFact.Joined),
        ["paused"] = c => Workers(c, WorkerFact.Paused),
        ["resumed"] = c => Workers(c, WorkerFact.Resumed),
        ["terminatedWhilePaused"] = c => Workers(c, WorkerFact.TerminatedWhilePaused),
        ["killed"] = c => Workers(c, WorkerFact.Killed),
        ["joinTimedOut"] = c => Workers(c, WorkerFact.JoinTimedOut),
        ["allJoined"] = c => new AllJoinedCheck(c.Object("allJoined", "atLeast").Member("atLeast") is { } n ? Count(n) : Checks.Count.One),
        ["printed"] = Printed,
        ["mode"] = Mode,
        ["runningAtOnce"] = RunningAtOnce,
        ["coresBusy"] = c =>
        {
            JsonCursor o = c.Object("coresBusy", "percent", "seconds");
            return new CoresBusyCheck(Optional(o, "percent", 1, 100, 75), Optional(o, "seconds", 1, 600, 3));
        },
        ["tookTurns"] = c => new TookTurnsCheck(Optional(c.Object("tookTurns", "atLeast"), "atLeast", 1, 10_000, 3)),
        ["runFinished"] = RunFinished,
        ["poolStarted"] = PoolStarted,
        ["poolWorkerLost"] = c =>
        {
            JsonCursor o = c.Object("poolWorkerLost", "byUser");
            return new PoolWorkerLostCheck(o.Member("byUser")?.Bool() ?? true);
        },
        ["poolFinished"] = c =>
        {
            JsonCursor o = c.Object("poolFinished", "minSucceeded", "minFailed");
            return new PoolFinishedCheck(Optional(o, "minSucceeded", 0, 100_000, 1), Optional(o, "minFailed", 0, 100_000, 0));
        },
        ["result"] = Result,
        ["results"] = Results,
    };

    /// <summary>The checks made of checks: they carry the depth on.</summary>
    private static readonly Dictionary<string, Func<JsonCursor, int, Check>> Composites = new(StringComparer.Ordinal)
    {
        ["all"] = (c, depth) => new AllCheck(Parts(c, "all", depth)),
        ["any"] = (c, depth) => new AnyCheck(Parts(c, "any", depth)),
    };

    /// <summary>The names of every check, for messages.</summary>
    public static IReadOnlyCollection<string> Names => [.. Kinds.Keys, .. Composites.Keys];

    /// <summary>Reads the check at <paramref name="cursor"/>.</summary>
    public static Check Read(JsonCursor cursor, int depth = 0)
    {
        if (cursor.Element.ValueKind != JsonValueKind.Object)
        {
            throw cursor.Error($"a check must be an object with one member naming it, e.g. {{\"spawned\": {{\"kind\": \"square\"}}}}; got {JsonCursor.Kind(cursor.Element)}");
        }

        List<JsonProperty> members = [.. cursor.Element.EnumerateObject()];
        if (members.Count != 1)
        {
            throw cursor.Error($"a check has exactly one member naming it (one of {string.Join(", ", Names)}); got {members.Count}");
        }

        if (depth > 4)
        {
            throw cursor.Error("checks are nested too deep (all/any at most 4 levels)");
        }

        string name = members[0].Name;
        JsonCursor settings = cursor.Member(name)!.Value;
        return Kinds.TryGetValue(name, out Func<JsonCursor, Check>? read) ? read(settings)
            : Composites.TryGetValue(name, out Func<JsonCursor, int, Check>? compose) ? compose(settings, depth)
            : throw settings.Error($"unknown check \"{JsonCursor.Shown(name)}\" (expected one of {string.Join(", ", Names)})");
    }

    private static WorkerCountCheck Workers(JsonCursor c, WorkerFact fact)
    {
        string name = WorkerCountCheck.Names[fact];
        JsonCursor o = c.Object(name, [.. WorkerFilter.Fields, "count"]);
        return new WorkerCountCheck(fact, Filter(o), o.Member("count") is { } count ? Count(count) : Checks.Count.One);
    }

    private static PrintedCheck Printed(JsonCursor c)
    {
        JsonCursor o = c.Object("printed", [.. WorkerFilter.Fields, "text"]);
        return new PrintedCheck(Filter(o), o.Required("text", "the line the worker printed, e.g. \"Square: 100\"").String(500));
    }

    private static ModeCheck Mode(JsonCursor c)
    {
        JsonCursor o = c.Object("mode", "mode", "slots");
        return new ModeCheck(SchedulingModeOf(o.Required("mode", "parallel or pause-on-wait")), o.Member("slots")?.Int(1, PauseOnWaitPolicy.MaxSlots));
    }

    private static RunningAtOnceCheck RunningAtOnce(JsonCursor c)
    {
        JsonCursor o = c.Object("runningAtOnce", [.. WorkerFilter.Fields, "atLeast"]);
        return new RunningAtOnceCheck(Filter(o), Count(o.Required("atLeast", "how many workers at the same moment: a number, or \"cores\"")));
    }

    private static RunFinishedCheck RunFinished(JsonCursor c)
    {
        JsonCursor o = c.Object("runFinished", [.. WorkerFilter.Fields, "mode", "slots", "atLeast"]);
        return new RunFinishedCheck(
            SchedulingModeOf(o.Required("mode", "parallel or pause-on-wait")),
            o.Member("slots")?.Int(1, PauseOnWaitPolicy.MaxSlots),
            Filter(o),
            o.Member("atLeast") is { } n ? Count(n) : new Count(2));
    }

    private static PoolStartedCheck PoolStarted(JsonCursor c)
    {
        JsonCursor o = c.Object("poolStarted", "kind", "minInputs", "minWorkers", "minSteps");
        return new PoolStartedCheck(
            o.Member("kind") is { } kind ? KindOf(kind, "square", "cube") : null,
            Optional(o, "minInputs", 1, 100_000, 1),
            Optional(o, "minWorkers", 1, 1024, 1),
            Optional(o, "minSteps", 0, Workload.MaxSteps, 0));
    }

    private static ResultCheck Result(JsonCursor c)
    {
        JsonCursor o = c.Object("result", "kind", "input", "value");
        WorkerKind kind = KindOf(o.Required("kind", "square or cube"), "square", "cube");
        string input = Number(o.Required("input", "the input N, e.g. 7"));
        return new ResultCheck(kind, input, o.Member("value") is { } value ? Number(value) : null);
    }

    private static ResultsCheck Results(JsonCursor c)
    {
        JsonCursor o = c.Object("results", "atLeast", "kind", "fromPool");
        return new ResultsCheck(
            Optional(o, "atLeast", 1, 100_000, 1),
            o.Member("kind") is { } kind ? KindOf(kind, "square", "cube") : null,
            o.Member("fromPool")?.Bool());
    }

    private static List<Check> Parts(JsonCursor c, string name, int depth)
    {
        List<Check> parts = [.. c.Items(50).Select(item => Read(item, depth + 1))];
        return parts.Count > 0 ? parts : throw c.Error($"\"{name}\" needs at least one check in its list");
    }

    private static WorkerFilter Filter(JsonCursor o) => new(
        o.Member("kind") is { } kind ? KindOf(kind, "square", "cube", "command", "pool") : null,
        o.Member("n") is { } n ? Number(n) : null,
        Optional(o, "minSteps", 0, Workload.MaxSteps, 0),
        Optional(o, "minWorkMs", 0, Workload.MaxMilliseconds, 0),
        Optional(o, "minWaitMs", 0, Workload.MaxMilliseconds, 0),
        o.Member("maxWaitMs")?.Int(0, Workload.MaxMilliseconds));

    private static Count Count(JsonCursor c) =>
        c.Element.ValueKind == JsonValueKind.String && c.Element.GetString() == "cores" ? Checks.Count.Cores
        : c.Element.ValueKind == JsonValueKind.Number ? new Count(c.Int(1, MaxWorkers))
        : throw c.Error($"must be a whole number from 1 to {MaxWorkers:N0} or \"cores\", got {(c.Element.ValueKind == JsonValueKind.String ? "\"" + JsonCursor.Shown(c.Element.GetString()!) + "\"" : JsonCursor.Kind(c.Element))}");

    private static int Optional(JsonCursor o, string name, int min, int max, int fallback) => o.Member(name)?.Int(min, max) ?? fallback;

    private static WorkerKind KindOf(JsonCursor c, params string[] allowed) => c.OneOf(allowed) switch
    {
        "square" => WorkerKind.Square,
        "cube" => WorkerKind.Cube,
        "command" => WorkerKind.Command,
        _ => WorkerKind.Pool,
    };

    private static SchedulingMode SchedulingModeOf(JsonCursor c) =>
        c.OneOf("parallel", "pause-on-wait") == "parallel" ? SchedulingMode.Parallel : SchedulingMode.PauseOnWait;

    /// <summary>An N: an integer, written as a JSON number or a string of digits (for numbers of any size).</summary>
    private static string Number(JsonCursor c)
    {
        string text = c.Element.ValueKind switch
        {
            JsonValueKind.Number => c.Element.GetRawText(),
            JsonValueKind.String => c.Element.GetString()!,
            _ => throw c.Error($"must be an integer (a number or a string of digits), got {JsonCursor.Kind(c.Element)}"),
        };
        return WorkerSpecParser.TryParseNumber(text, out string? canonical, out string? error) ? canonical : throw c.Error(error);
    }
}
