using TuiProcManager.Core.Events;
using TuiProcManager.Core.Streaming;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Sessions.Server;

/// <summary>
/// What a teacher's class view asks of a session every second (<c>SessionStatus</c>): the last thing that
/// happened, in a few words, and when; the CPU its workers use now. A tap of the supervisor (see
/// <see cref="IEventTap"/>): it keeps two values and a small table, so it is quick under the supervisor's
/// gate; output lines are counted as activity, never described.
/// </summary>
public sealed class SessionPulse : IEventTap
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, double> _cpuByWorker = [];
    private string _last = "";
    private DateTimeOffset? _lastAt;
    private DateTimeOffset? _lastOutputAt;

    /// <summary>The last event that was not output or a sample, in a few words ("worker 2 paused"), and when; empty before any.</summary>
    public (string Text, DateTimeOffset? At) Last
    {
        get
        {
            lock (_gate)
            {
                return (_last, _lastAt);
            }
        }
    }

    /// <summary>When a worker last wrote a line; null before any.</summary>
    public DateTimeOffset? LastOutputAt
    {
        get
        {
            lock (_gate)
            {
                return _lastOutputAt;
            }
        }
    }

    /// <summary>The CPU the live workers use, by their last samples (100 = one core), their descendants included.</summary>
    public double CpuPercent
    {
        get
        {
            lock (_gate)
            {
                return _cpuByWorker.Values.Sum();
            }
        }
    }

    /// <inheritdoc />
    public void OnEvent(SupervisorEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        lock (_gate)
        {
            switch (e)
            {
                case ResourceSampled sample:
                    _cpuByWorker[sample.Worker.Value] = sample.Process.CpuPercent + sample.Descendants.Sum(d => d.CpuPercent);
                    return;
                case Core.Events.OutputLine line:
                    _lastOutputAt = line.Time;
                    return;
                case WorkerEnded ended:
                    _ = _cpuByWorker.Remove(ended.Worker.Value);
                    break;
                case MachineSampled or EventsDropped or WorkerScheduled or SupervisorSnapshot:
                    return;
                default:
                    break;
            }

            if (Describe(e) is { } text)
            {
                _last = text;
                _lastAt = e.Time;
            }
        }
    }

    /// <inheritdoc />
    public void OnLines(ReadOnlySpan<Core.Events.OutputLine> lines)
    {
        if (!lines.IsEmpty)
        {
            lock (_gate)
            {
                _lastOutputAt = lines[^1].Time;
            }
        }
    }

    /// <inheritdoc />
    public void OnCompleted()
    {
    }

    /// <summary>A few words for <paramref name="e"/>, as a teacher's row shows it; null for what is not worth a row.</summary>
    internal static string? Describe(SupervisorEvent e) => e switch
    {
        WorkerSpawned s when s.Pid is null => $"worker {s.Worker.Value} could not start",
        WorkerSpawned s => $"worker {s.Worker.Value} started ({s.Spec.DisplayName})",
        WorkerStateChanged c when c.To == WorkerState.Paused => $"worker {c.Worker.Value} paused",
        WorkerStateChanged c when c.From == WorkerState.Paused => $"worker {c.Worker.Value} resumed",
        WorkerStateChanged => null, // running ↔ waiting: every step of every worker, not news
        WorkerEnded ended => $"worker {ended.Worker.Value} ended ({ended.Exit})",
        JoinStarted join => $"join of worker {join.Worker.Value}",
        WorkerJoined joined => $"worker {joined.Worker.Value} joined",
        SignalSent signal when signal.Cause == Core.Events.SignalCause.Request => $"{Core.Os.ProcessSignalNames.Name(signal.Signal)} to worker {signal.Worker.Value}",
        SignalSent => null,
        PoolStarted pool => $"pool {pool.Pool.Value} started",
        PoolFinished pool => $"pool {pool.Pool.Value} finished",
        SchedulingChanged => "scheduling changed",
        _ => null,
    };
}
