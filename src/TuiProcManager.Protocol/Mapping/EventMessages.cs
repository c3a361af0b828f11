using TuiProcManager.Core.Events;

namespace TuiProcManager.Protocol;

/// <summary>
/// Core's events (<see cref="SupervisorEvent"/> and every record under it) as the protocol's
/// <see cref="V1.Event"/>, and back.
/// </summary>
/// <remarks>
/// <para>
/// Each event is one <see cref="V1.Event"/>: its sequence and time in the envelope, the rest in the one
/// field of the <c>kind</c> oneof named after the record. Nullable values are unset fields; the paths in
/// a <see cref="ProtocolException"/> start at the oneof's field (<c>worker_spawned.spec: missing</c>), or
/// are <c>time</c> for the envelope's.
/// </para>
/// <para>
/// <see cref="OutputLine"/> is the hot path (a flooding worker writes a million lines): its conversions
/// allocate the message and nothing else, without LINQ, and build no error path unless one is thrown.
/// </para>
/// </remarks>
public static partial class EventMessages
{
    /// <summary>The event on the wire.</summary>
    /// <exception cref="ArgumentException">An event type without a wire form (a bug here: every concrete
    /// <see cref="SupervisorEvent"/> has one, and a test checks it).</exception>
    public static V1.Event ToWire(this SupervisorEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        V1.Event m = new() { Sequence = e.Sequence, Time = e.Time.ToWire() };
        switch (e)
        {
            case OutputLine o: // first: by far the most frequent
                m.OutputLine = new V1.OutputLine { Worker = o.Worker.Value, Channel = o.Channel.ToWire(), Text = o.Text, Number = o.Number };
                break;
            case ResourceSampled s:
                m.ResourceSampled = new V1.ResourceSampled { Worker = s.Worker.Value, Process = s.Process.ToWire() };
                ValueMessages.AddTo(m.ResourceSampled.Descendants, s.Descendants);
                break;
            case MachineSampled s:
                m.MachineSampled = new V1.MachineSampled();
                if (!s.CoreBusyPercent.IsDefault)
                {
                    m.MachineSampled.CoreBusyPercent.Add(s.CoreBusyPercent);
                }

                break;
            case WorkerStateChanged s:
                m.WorkerStateChanged = new V1.WorkerStateChanged { Worker = s.Worker.Value, From = s.From.ToWire(), To = s.To.ToWire(), Why = s.Why };
                break;
            case SupervisorSnapshot s:
                m.Snapshot = ToMessage(s);
                break;
            case WorkerSpawned s:
                m.WorkerSpawned = ToMessage(s);
                break;
            case WorkerEnded s:
                m.WorkerEnded = new V1.WorkerEnded { Worker = s.Worker.Value, Exit = s.Exit.ToWire() };
                break;
            case WorkerJoined s:
                m.WorkerJoined = new V1.WorkerJoined { Worker = s.Worker.Value, Outcome = s.Outcome.ToWire(), Exit = s.Exit?.ToWire() };
                break;
            case JoinStarted s:
                m.JoinStarted = new V1.JoinStarted { Worker = s.Worker.Value, Timeout = s.Timeout?.ToWire() };
                break;
            case SignalSent s:
                m.SignalSent = new V1.SignalSent { Worker = s.Worker.Value, Signal = s.Signal.ToWire(), Why = s.Why, Cause = s.Cause.ToWire() };
                break;
            case DescendantStateChanged s:
                m.DescendantStateChanged = ToMessage(s);
                break;
            case ProcessLeftBehind s:
                m.ProcessLeftBehind = new V1.ProcessLeftBehind { Worker = s.Worker.Value, Pid = s.Pid, Name = s.Name, Ended = s.Ended, Detail = s.Detail };
                break;
            case ResultRecorded s:
                m.ResultRecorded = ToMessage(s);
                break;
            case SchedulingChanged s:
                m.SchedulingChanged = new V1.SchedulingChanged { Mode = s.Mode.ToWire(), Slots = s.Slots };
                break;
            case WorkerScheduled s:
                m.WorkerScheduled = new V1.WorkerScheduled
                {
                    Worker = s.Worker.Value,
                    Change = s.Change.ToWire(),
                    Why = s.Why,
                    SlotsInUse = s.SlotsInUse,
                    Queued = s.Queued,
                    NoticedWithin = s.NoticedWithin?.ToWire(),
                };
                break;
            case WorkerOutputHeld s:
                m.WorkerOutputHeld = new V1.WorkerOutputHeld { Worker = s.Worker.Value, Held = s.Held, By = s.By };
                break;
            case PoolStarted s:
                m.PoolStarted = new V1.PoolStarted { Pool = s.Pool.Value, Request = s.Request.ToWire(), Window = s.Window };
                break;
            case PoolTaskAssigned s:
                m.PoolTaskAssigned = new V1.PoolTaskAssigned { Worker = s.Worker.Value, Pool = s.Pool.Value, Index = s.Index };
                break;
            case PoolWorkerReplaced s:
                m.PoolWorkerReplaced = new V1.PoolWorkerReplaced { Worker = s.Worker.Value, Pool = s.Pool.Value, Why = s.Why };
                if (s.Replacement is { } replacement)
                {
                    m.PoolWorkerReplaced.Replacement = replacement.Value;
                }

                break;
            case PoolFinished s:
                m.PoolFinished = new V1.PoolFinished { Pool = s.Pool.Value, Outcome = s.Outcome.ToWire() };
                break;
            case EventsDropped s:
                m.EventsDropped = new V1.EventsDropped { Count = s.Count, OutputLines = s.OutputLines };
                if (s.Worker is { } worker)
                {
                    m.EventsDropped.Worker = worker.Value;
                }

                break;
            default:
                throw new ArgumentException($"{e.GetType().Name} has no wire form", nameof(e));
        }

        return m;
    }

    private static V1.Snapshot ToMessage(SupervisorSnapshot s)
    {
        V1.Snapshot m = new() { Mode = s.Mode.ToWire(), Slots = s.Slots };
        if (!s.Workers.IsDefault)
        {
            foreach (WorkerInfo info in s.Workers)
            {
                m.Workers.Add(info.ToWire());
            }
        }

        return m;
    }

    private static V1.WorkerSpawned ToMessage(WorkerSpawned s)
    {
        V1.WorkerSpawned m = new() { Worker = s.Worker.Value, Spec = s.Spec.ToWire() };
        if (s.Pid is { } pid)
        {
            m.Pid = pid;
        }

        if (s.Note is not null)
        {
            m.Note = s.Note;
        }

        return m;
    }

    private static V1.DescendantStateChanged ToMessage(DescendantStateChanged s)
    {
        V1.DescendantStateChanged m = new() { Worker = s.Worker.Value, Pid = s.Pid, ParentPid = s.ParentPid, Name = s.Name, To = s.To.ToWire() };
        if (s.From is { } from)
        {
            m.From = from.ToWire();
        }

        return m;
    }

    private static V1.ResultRecorded ToMessage(ResultRecorded s)
    {
        V1.ResultRecorded m = new() { Worker = s.Worker.Value, Kind = s.Kind.ToWire(), Input = s.Input };
        if (s.Result is not null)
        {
            m.Result = s.Result;
        }

        if (s.Error is not null)
        {
            m.Error = s.Error;
        }

        if (s.Pool is { } pool)
        {
            m.Pool = pool.Value;
        }

        if (s.Index is { } index)
        {
            m.Index = index;
        }

        return m;
    }
}
