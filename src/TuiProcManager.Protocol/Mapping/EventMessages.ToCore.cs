using System.Collections.Immutable;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Protocol;

/// <summary>The protocol's events back to Core's.</summary>
public static partial class EventMessages
{
    /// <summary>
    /// The event; null when its <c>kind</c> is not set, which is how an event of a kind from a newer revision
    /// of the protocol reads here (proto3 keeps the unknown field aside): a client skips it and goes on.
    /// </summary>
    /// <exception cref="ProtocolException">The event is not valid: its time unset, a required message unset
    /// (<c>worker_spawned.spec: missing</c>), an unknown enum value, or a value Core refuses.</exception>
    public static SupervisorEvent? ToCore(this V1.Event m)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.KindCase == V1.Event.KindOneofCase.None)
        {
            return null;
        }

        long sequence = m.Sequence;
        DateTimeOffset time = m.Time.ToCore("time") ?? throw InvalidField.Missing("time");
        switch (m.KindCase)
        {
            case V1.Event.KindOneofCase.OutputLine:
                V1.OutputLine o = m.OutputLine;
                return new OutputLine(sequence, time, new WorkerId(o.Worker), o.Channel.ToCore("output_line.channel"), o.Text, o.Number);
            case V1.Event.KindOneofCase.ResourceSampled:
                V1.ResourceSampled rs = m.ResourceSampled;
                return new ResourceSampled(
                    sequence,
                    time,
                    new WorkerId(rs.Worker),
                    rs.Process.ToCore("resource_sampled.process"),
                    ValueMessages.ToCore(rs.Descendants, "resource_sampled.descendants"));
            case V1.Event.KindOneofCase.MachineSampled:
                return new MachineSampled(sequence, time, [.. m.MachineSampled.CoreBusyPercent]);
            case V1.Event.KindOneofCase.WorkerStateChanged:
                V1.WorkerStateChanged sc = m.WorkerStateChanged;
                return new WorkerStateChanged(
                    sequence, time, new WorkerId(sc.Worker), sc.From.ToCore("worker_state_changed.from"), sc.To.ToCore("worker_state_changed.to"), sc.Why);
            case V1.Event.KindOneofCase.Snapshot:
                return ToCore(m.Snapshot, sequence, time);
            case V1.Event.KindOneofCase.WorkerSpawned:
                V1.WorkerSpawned sp = m.WorkerSpawned;
                return new WorkerSpawned(
                    sequence, time, new WorkerId(sp.Worker), sp.Spec.ToCore("worker_spawned.spec"), sp.HasPid ? sp.Pid : null, sp.HasNote ? sp.Note : null);
            case V1.Event.KindOneofCase.WorkerEnded:
                return new WorkerEnded(sequence, time, new WorkerId(m.WorkerEnded.Worker), m.WorkerEnded.Exit.ToCore("worker_ended.exit"));
            case V1.Event.KindOneofCase.WorkerJoined:
                V1.WorkerJoined j = m.WorkerJoined;
                return new WorkerJoined(
                    sequence, time, new WorkerId(j.Worker), j.Outcome.ToCore("worker_joined.outcome"), j.Exit is null ? null : j.Exit.ToCore("worker_joined.exit"));
            case V1.Event.KindOneofCase.JoinStarted:
                return new JoinStarted(sequence, time, new WorkerId(m.JoinStarted.Worker), m.JoinStarted.Timeout.ToCore("join_started.timeout"));
            case V1.Event.KindOneofCase.SignalSent:
                V1.SignalSent ss = m.SignalSent;
                return new SignalSent(
                    sequence, time, new WorkerId(ss.Worker), ss.Signal.ToCore("signal_sent.signal"), ss.Why, ss.Cause.ToCore("signal_sent.cause"));
            case V1.Event.KindOneofCase.DescendantStateChanged:
                V1.DescendantStateChanged d = m.DescendantStateChanged;
                return new DescendantStateChanged(
                    sequence,
                    time,
                    new WorkerId(d.Worker),
                    d.Pid,
                    d.ParentPid,
                    d.Name,
                    d.HasFrom ? d.From.ToCore("descendant_state_changed.from") : null,
                    d.To.ToCore("descendant_state_changed.to"));
            case V1.Event.KindOneofCase.ProcessLeftBehind:
                V1.ProcessLeftBehind lb = m.ProcessLeftBehind;
                return new ProcessLeftBehind(sequence, time, new WorkerId(lb.Worker), lb.Pid, lb.Name, lb.Ended, lb.Detail);
            case V1.Event.KindOneofCase.ResultRecorded:
                return ToCore(m.ResultRecorded, sequence, time);
            case V1.Event.KindOneofCase.SchedulingChanged:
                return new SchedulingChanged(sequence, time, m.SchedulingChanged.Mode.ToCore("scheduling_changed.mode"), m.SchedulingChanged.Slots);
            case V1.Event.KindOneofCase.WorkerScheduled:
                V1.WorkerScheduled ws = m.WorkerScheduled;
                return new WorkerScheduled(
                    sequence,
                    time,
                    new WorkerId(ws.Worker),
                    ws.Change.ToCore("worker_scheduled.change"),
                    ws.Why,
                    ws.SlotsInUse,
                    ws.Queued,
                    ws.NoticedWithin.ToCore("worker_scheduled.noticed_within"));
            case V1.Event.KindOneofCase.WorkerOutputHeld:
                V1.WorkerOutputHeld h = m.WorkerOutputHeld;
                return new WorkerOutputHeld(sequence, time, new WorkerId(h.Worker), h.Held, h.By);
            case V1.Event.KindOneofCase.PoolStarted:
                V1.PoolStarted ps = m.PoolStarted;
                return new PoolStarted(sequence, time, new PoolId(ps.Pool), ps.Request.ToCore("pool_started.request"), ps.Window);
            case V1.Event.KindOneofCase.PoolTaskAssigned:
                V1.PoolTaskAssigned a = m.PoolTaskAssigned;
                return new PoolTaskAssigned(sequence, time, new WorkerId(a.Worker), new PoolId(a.Pool), a.Index);
            case V1.Event.KindOneofCase.PoolWorkerReplaced:
                V1.PoolWorkerReplaced r = m.PoolWorkerReplaced;
                return new PoolWorkerReplaced(
                    sequence, time, new WorkerId(r.Worker), new PoolId(r.Pool), r.HasReplacement ? new WorkerId(r.Replacement) : null, r.Why);
            case V1.Event.KindOneofCase.PoolFinished:
                return new PoolFinished(sequence, time, new PoolId(m.PoolFinished.Pool), m.PoolFinished.Outcome.ToCore("pool_finished.outcome"));
            case V1.Event.KindOneofCase.EventsDropped:
                V1.EventsDropped ed = m.EventsDropped;
                return new EventsDropped(sequence, time, ed.HasWorker ? new WorkerId(ed.Worker) : null, ed.Count, ed.OutputLines);
            default:
                // KindCase comes from the same proto as this switch: a case missing here is a bug, not a newer peer.
                throw new InvalidOperationException($"event kind {m.KindCase} has no mapping");
        }
    }

    private static SupervisorSnapshot ToCore(V1.Snapshot m, long sequence, DateTimeOffset time)
    {
        ImmutableArray<WorkerInfo>.Builder workers = ImmutableArray.CreateBuilder<WorkerInfo>(m.Workers.Count);
        for (int i = 0; i < m.Workers.Count; i++)
        {
            workers.Add(m.Workers[i].ToCore(InvalidField.Item("snapshot.workers", i)));
        }

        return new SupervisorSnapshot(sequence, time, workers.MoveToImmutable(), m.Mode.ToCore("snapshot.mode"), m.Slots);
    }

    /// <summary>A result row; exactly one of its result and error is set, as the proto says and Core relies on.</summary>
    private static ResultRecorded ToCore(V1.ResultRecorded m, long sequence, DateTimeOffset time)
    {
        if (m.HasResult == m.HasError)
        {
            throw InvalidField.Invalid("result_recorded", "exactly one of result and error must be set");
        }

        return new ResultRecorded(
            sequence,
            time,
            new WorkerId(m.Worker),
            m.Kind.ToCore("result_recorded.kind"),
            m.Input,
            m.HasResult ? m.Result : null,
            m.HasError ? m.Error : null,
            m.HasPool ? new PoolId(m.Pool) : null,
            m.HasIndex ? m.Index : null);
    }
}
