using System.Diagnostics;
using System.Text.Json;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;
using TuiProcManager.Labs.Checks;

namespace TuiProcManager.Labs.Format;

/// <summary>
/// Reads a step's <c>check</c>: an object with exactly one member, named after the check, whose value
/// holds its settings (<c>{"spawned": {"kind": "square", "n": 10}}</c>). The lab schema has checked the
/// shape (names, types, ranges); this turns it into a <see cref="Check"/>, with the defaults of settings
/// left out, and refuses what the schema cannot say: checks nested too deep, an N too long to use.
/// </summary>
internal static class CheckReader
{
    /// <summary>How deep <c>all</c> and <c>any</c> may nest (the schema's definition is recursive, so it cannot bound this).</summary>
    private const int MaxDepth = 4;

    private static readonly Dictionary<string, Func<JsonCursor, Check>> Kinds = new(StringComparer.Ordinal)
    {
        ["spawned"] = c => Workers(c, WorkerFact.Spawned),
        ["joined"] = c => Workers(c, WorkerFact.Joined),
        ["paused"] = c => Workers(c, WorkerFact.Paused),
        ["resumed"] = c => Workers(c, WorkerFact.Resumed),
        ["terminatedWhilePaused"] = c => Workers(c, WorkerFact.TerminatedWhilePaused),
        ["killed"] = c => Workers(c, WorkerFact.Killed),
        ["joinTimedOut"] = c => Workers(c, WorkerFact.JoinTimedOut),
        ["allJoined"] = c => new AllJoinedCheck(CountOf(c.Element, "atLeast") ?? Count.One),
        ["printed"] = c => new PrintedCheck(Filter(c), c.Element.GetProperty("text").GetString()!),
        ["mode"] = c => new ModeCheck(ModeOf(c.Element), Int(c.Element, "slots")),
        ["runningAtOnce"] = c => new RunningAtOnceCheck(Filter(c), CountOf(c.Element, "atLeast")!.Value),
        ["coresBusy"] = c => new CoresBusyCheck(Int(c.Element, "percent") ?? 75, Int(c.Element, "seconds") ?? 3),
        ["tookTurns"] = c => new TookTurnsCheck(Int(c.Element, "atLeast") ?? 3),
        ["runFinished"] = c => new RunFinishedCheck(ModeOf(c.Element), Int(c.Element, "slots"), Filter(c), CountOf(c.Element, "atLeast") ?? new Count(2)),
        ["poolStarted"] = c => new PoolStartedCheck(
            KindOf(c.Element), Int(c.Element, "minInputs") ?? 1, Int(c.Element, "minWorkers") ?? 1, Int(c.Element, "minSteps") ?? 0),
        ["poolWorkerLost"] = c => new PoolWorkerLostCheck(!c.Element.TryGetProperty("byUser", out JsonElement byUser) || byUser.GetBoolean()),
        ["poolFinished"] = c => new PoolFinishedCheck(Int(c.Element, "minSucceeded") ?? 1, Int(c.Element, "minFailed") ?? 0),
        ["result"] = c => new ResultCheck(KindOf(c.Element)!.Value, Number(c.Member("input")!.Value), c.Member("value") is { } value ? Number(value) : null),
        ["results"] = c => new ResultsCheck(
            Int(c.Element, "atLeast") ?? 1, KindOf(c.Element), c.Element.TryGetProperty("fromPool", out JsonElement fromPool) ? fromPool.GetBoolean() : null),
    };

    /// <summary>The checks made of checks: they carry the depth on.</summary>
    private static readonly Dictionary<string, Func<JsonCursor, int, Check>> Composites = new(StringComparer.Ordinal)
    {
        ["all"] = (c, depth) => new AllCheck([.. c.Each().Select(part => Read(part, depth + 1))]),
        ["any"] = (c, depth) => new AnyCheck([.. c.Each().Select(part => Read(part, depth + 1))]),
    };

    /// <summary>The name of every check this reads (the schema must allow these and no others).</summary>
    public static IReadOnlyCollection<string> Names => [.. Kinds.Keys, .. Composites.Keys];

    /// <summary>Reads the check at <paramref name="cursor"/>, which the lab schema has checked.</summary>
    public static Check Read(JsonCursor cursor, int depth = 0)
    {
        if (depth > MaxDepth)
        {
            throw cursor.Error($"checks are nested too deep (all/any at most {MaxDepth} levels)");
        }

        string name = cursor.Element.EnumerateObject().Single().Name;
        JsonCursor settings = cursor.Member(name)!.Value;
        return Kinds.TryGetValue(name, out Func<JsonCursor, Check>? read) ? read(settings)
            : Composites.TryGetValue(name, out Func<JsonCursor, int, Check>? compose) ? compose(settings, depth)
            : throw new UnreachableException($"the lab schema allows the check \"{name}\", which {nameof(CheckReader)} does not read");
    }

    private static WorkerCountCheck Workers(JsonCursor c, WorkerFact fact) =>
        new(fact, Filter(c), CountOf(c.Element, "count") ?? Count.One);

    private static WorkerFilter Filter(JsonCursor c) => new(
        c.Element.TryGetProperty("kind", out JsonElement kind) ? WorkerKindOf(kind.GetString()!) : null,
        c.Member("n") is { } n ? Number(n) : null,
        Int(c.Element, "minSteps") ?? 0,
        Int(c.Element, "minWorkMs") ?? 0,
        Int(c.Element, "minWaitMs") ?? 0,
        Int(c.Element, "maxWaitMs"));

    /// <summary>A whole number the schema has put in range; written <c>5</c>, <c>5.0</c> or <c>5e0</c>, all of which JSON Schema calls an integer.</summary>
    private static int? Int(JsonElement o, string name) =>
        !o.TryGetProperty(name, out JsonElement value) ? null
        : value.TryGetInt32(out int n) ? n
        : decimal.ToInt32(value.GetDecimal());

    private static Count? CountOf(JsonElement o, string name) =>
        !o.TryGetProperty(name, out JsonElement value) ? null
        : value.ValueKind == JsonValueKind.String ? Count.Cores
        : new Count(Int(o, name)!.Value);

    private static WorkerKind? KindOf(JsonElement o) => o.TryGetProperty("kind", out JsonElement kind) ? WorkerKindOf(kind.GetString()!) : null;

    private static WorkerKind WorkerKindOf(string kind) => kind switch
    {
        "square" => WorkerKind.Square,
        "cube" => WorkerKind.Cube,
        "command" => WorkerKind.Command,
        _ => WorkerKind.Pool,
    };

    private static SchedulingMode ModeOf(JsonElement o) =>
        o.GetProperty("mode").GetString() == "parallel" ? SchedulingMode.Parallel : SchedulingMode.PauseOnWait;

    /// <summary>An N, canonical: the schema allows an integer or a string of digits; its length is the spec parser's to judge.</summary>
    private static string Number(JsonCursor c)
    {
        string text = c.Element.ValueKind == JsonValueKind.Number ? c.Element.GetRawText() : c.Element.GetString()!;
        return WorkerSpecParser.TryParseNumber(text, out string? canonical, out string? error) ? canonical : throw c.Error(error);
    }
}
