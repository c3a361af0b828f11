using System.Globalization;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Labs.Explaining;

/// <summary>
/// Turns the event stream into explanations: for every action (spawn, pause, terminate, join, a mode
/// switch, a pool) and every state change, what it means in the lesson's terms and the OS's, with the
/// texts from <see cref="ExplainTexts"/>. Output lines and samples are not explained.
/// </summary>
/// <remarks>Not thread-safe: fed from one thread, in stream order.</remarks>
public sealed class Explainer(ExplainTexts texts, int cores)
{
    private readonly Dictionary<WorkerId, (string Name, string Pid, WorkerSpec Spec)> _workers = [];
    private readonly HashSet<WorkerId> _paused = [];
    private readonly Dictionary<WorkerId, TimeSpan> _timeouts = [];
    private readonly Dictionary<Core.Pooling.PoolId, int> _poolSizes = [];
    private int _slots = 1;
    private int _cores = Math.Max(1, cores);

    /// <summary>The explanation of <paramref name="e"/>, or null when it is not one that is explained.</summary>
    public Explanation? Explain(SupervisorEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        switch (e)
        {
            case WorkerSpawned s:
                _workers[s.Worker] = ($"{s.Worker} {s.Spec.DisplayName}", s.Pid?.ToString(CultureInfo.InvariantCulture) ?? "?", s.Spec);
                return Make(e, s.Spec.Kind switch { WorkerKind.Command => "spawn.command", WorkerKind.Pool => "spawn.pool", _ => "spawn" }, s.Worker);
            case SignalSent s:
                return Signal(s);
            case WorkerStateChanged c when c.To != WorkerState.Ended && c.To != WorkerState.Starting:
                return Make(e, c.To switch { WorkerState.Running => "state.running", WorkerState.Waiting => "state.waiting", _ => "state.paused" }, c.Worker);
            case JoinStarted j:
                if (j.Timeout is { } t)
                {
                    _timeouts[j.Worker] = t;
                }

                return Make(e, j.Timeout is null ? "join" : "join.timeout", j.Worker, ("timeout", Seconds(j.Timeout)));
            case WorkerJoined { Outcome: JoinOutcome.Ended } j:
                return Make(e, "joined", j.Worker, Exit(j.Exit));
            case WorkerJoined { Outcome: JoinOutcome.TimedOut } j:
                return Make(e, "joined.timedOut", j.Worker, ("timeout", Seconds(_timeouts.GetValueOrDefault(j.Worker))));
            case WorkerEnded ended:
                _paused.Remove(ended.Worker);
                return Ended(ended);
            case SchedulingChanged c:
                _slots = c.Slots;
                return Make(e, c.Mode == SchedulingMode.Parallel ? "mode.parallel" : "mode.pause-on-wait", null);
            case MachineSampled m when !m.CoreBusyPercent.IsDefaultOrEmpty:
                _cores = m.CoreBusyPercent.Length;
                return null;
            case PoolStarted p:
                _poolSizes[p.Pool] = p.Request.Size;
                return Make(e, "pool.started", null, ("pool", p.Pool.ToString()), ("size", Int(p.Request.Size)), ("inputs", Int(p.Request.Tasks.Length)), ("workers", Int(p.Workers)));
            case PoolWorkerReplaced r:
                return Make(e, "pool.replaced", r.Worker, ("pool", r.Pool.ToString()), ("why", r.Why), ("size", Int(_poolSizes.GetValueOrDefault(r.Pool))));
            case PoolFinished f:
                return Make(e, "pool.finished", null, ("pool", f.Pool.ToString()), ("ok", Int(f.Outcome.Succeeded)), ("failed", Int(f.Outcome.Failed + f.Outcome.NotRun)));
            case ResultRecorded { Result: { } value } r:
                return Make(e, "result", r.Worker, ("task", new Core.Pooling.PoolTask(r.Kind, r.Input).ToString()), ("value", Core.Text.InputText.Shorten(value, 40)), ("input", Core.Text.InputText.Shorten(r.Input, 40)), ("kind", r.Kind == WorkerKind.Square ? "square" : "cube"));
            case WorkerOutputHeld h:
                return Make(e, h.Held ? "output.held" : "output.released", h.Worker, ("by", h.By));
            case ProcessLeftBehind l:
                return Make(e, "leftBehind", l.Worker, ("pid", Int(l.Pid)), ("name", l.Name), ("detail", l.Detail));
            default:
                return null;
        }
    }

    private Explanation? Signal(SignalSent s)
    {
        string? topic = (s.Cause, s.Signal) switch
        {
            (SignalCause.Request, ProcessSignal.Stop) => "pause",
            (SignalCause.Request, ProcessSignal.Continue) => "resume",
            (SignalCause.Request, ProcessSignal.Terminate) => _paused.Contains(s.Worker) ? "terminate.paused" : "terminate",
            (SignalCause.Request, ProcessSignal.Kill) => "kill",
            (SignalCause.FollowUp, ProcessSignal.Kill) => "escalate",
            (SignalCause.Scheduler, ProcessSignal.Stop) => "scheduler.stop",
            (SignalCause.Scheduler, ProcessSignal.Continue) => "scheduler.continue",
            _ => null,
        };
        if (s.Cause == SignalCause.Request && s.Signal == ProcessSignal.Stop)
        {
            _paused.Add(s.Worker);
        }
        else if (s.Signal is ProcessSignal.Continue or ProcessSignal.Terminate or ProcessSignal.Kill && s.Cause != SignalCause.Scheduler)
        {
            _paused.Remove(s.Worker);
        }

        string why = s.Why.StartsWith("pause-on-wait: ", StringComparison.Ordinal) ? s.Why["pause-on-wait: ".Length..] : s.Why;
        return topic is null ? null : Make(s, topic, s.Worker, ("why", why), ("signal", s.Signal.Name()));
    }

    private Explanation Ended(WorkerEnded e) => e.Exit.Kind switch
    {
        ExitKind.Exited when e.Exit.Code == 0 => Make(e, "ended.ok", e.Worker, Exit(e.Exit)),
        ExitKind.Exited => Make(e, "ended.code", e.Worker, Exit(e.Exit)),
        ExitKind.Signaled => Make(e, "ended.signal", e.Worker, Exit(e.Exit)),
        _ => Make(e, "ended.failed", e.Worker, ("why", e.Exit.Reason ?? "unknown")),
    };

    private static (string, string)[] Exit(WorkerExit? exit) =>
    [
        ("exit", exit?.ToString() ?? "?"),
        ("pyexit", exit?.PythonExitCode is { } py ? Int(py) : "None"),
        ("code", exit?.Code is { } code ? Int(code) : "?"),
        ("signal", exit?.SignalName ?? "?"),
    ];

    private Explanation Make(SupervisorEvent e, string topic, WorkerId? worker, params (string Name, string Value)[] values)
    {
        Dictionary<string, string> v = new(StringComparer.Ordinal)
        {
            ["slots"] = Int(_slots),
            ["cores"] = Int(_cores),
        };
        if (worker is { } id && _workers.TryGetValue(id, out (string Name, string Pid, WorkerSpec Spec) w))
        {
            v["worker"] = w.Name;
            v["pid"] = w.Pid;
            v["kind"] = w.Spec.Kind.ToString().ToLowerInvariant();
            v["n"] = w.Spec.Number is { } n ? Core.Text.InputText.Shorten(n, 30) : "";
            v["pool"] = w.Spec.Pool?.ToString() ?? "";
        }
        else if (worker is { } unknown)
        {
            v["worker"] = "worker " + unknown;
        }

        foreach ((string name, string value) in values)
        {
            v[name] = value;
        }

        ExplainTopic t = texts[topic];
        return new Explanation(
            e.Time,
            topic,
            worker,
            ExplainTexts.Fill(t.Title, v),
            t.Python is null ? null : ExplainTexts.Fill(t.Python, v),
            t.Os is null ? null : ExplainTexts.Fill(t.Os, v),
            t.Trap is null ? null : ExplainTexts.Fill(t.Trap, v));
    }

    private static string Int(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Seconds(TimeSpan? t) => t is { } s ? s.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) : "?";
}
