using System.Collections.Immutable;
using Google.Protobuf.Collections;
using Google.Protobuf.WellKnownTypes;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Protocol;

/// <summary>What is known about a worker (<see cref="WorkerInfo"/>) and its parts: exits, samples, times.</summary>
public static partial class ValueMessages
{
    /// <summary>Everything known about a worker, on the wire.</summary>
    public static V1.WorkerInfo ToWire(this WorkerInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        V1.WorkerInfo m = new()
        {
            Worker = info.Worker.Value,
            Spec = info.Spec.ToWire(),
            State = info.State.ToWire(),
            Exit = info.Exit?.ToWire(),
            StartedAt = info.StartedAt.ToWire(),
            EndedAt = info.EndedAt?.ToWire(),
            Joined = info.Joined,
            OutputLines = info.OutputLines,
            LastSample = info.LastSample?.ToWire(),
            PausedByUser = info.PausedByUser,
            Queued = info.Queued,
            OutputHeld = info.OutputHeld,
        };
        if (info.Pid is { } pid)
        {
            m.Pid = pid;
        }

        AddTo(m.Descendants, info.Descendants);
        return m;
    }

    /// <summary>Everything known about a worker.</summary>
    /// <exception cref="ProtocolException">Unset, or its spec, state, exit, start time or a sample is not valid.</exception>
    public static WorkerInfo ToCore(this V1.WorkerInfo? m, string field = "worker_info")
    {
        if (m is null)
        {
            throw InvalidField.Missing(field);
        }

        return new WorkerInfo(
            new WorkerId(m.Worker),
            m.Spec.ToCore(field + ".spec"),
            m.HasPid ? m.Pid : null,
            m.State.ToCore(field + ".state"),
            m.Exit is null ? null : m.Exit.ToCore(field + ".exit"),
            m.StartedAt.ToCore(field + ".started_at") ?? throw InvalidField.Missing(field + ".started_at"),
            m.EndedAt.ToCore(field + ".ended_at"),
            m.Joined,
            m.OutputLines,
            m.LastSample is null ? null : m.LastSample.ToCore(field + ".last_sample"),
            ToCore(m.Descendants, field + ".descendants"),
            m.PausedByUser,
            m.Queued,
            m.OutputHeld);
    }

    /// <summary>How a worker ended, on the wire.</summary>
    public static V1.WorkerExit ToWire(this WorkerExit exit)
    {
        ArgumentNullException.ThrowIfNull(exit);
        V1.WorkerExit m = new() { Kind = exit.Kind.ToWire(), SignalName = exit.SignalName ?? "", Reason = exit.Reason ?? "" };
        if (exit.Code is { } code)
        {
            m.Code = code;
        }

        if (exit.Signal is { } signal)
        {
            m.Signal = signal;
        }

        return m;
    }

    /// <summary>How a worker ended, through <see cref="WorkerExit"/>'s factories: the fields of other kinds are ignored.</summary>
    /// <exception cref="ProtocolException">Unset, an unknown kind, or an exit without its code or a signal
    /// without its number.</exception>
    public static WorkerExit ToCore(this V1.WorkerExit? m, string field = "exit")
    {
        if (m is null)
        {
            throw InvalidField.Missing(field);
        }

        return m.Kind.ToCore(field + ".kind") switch
        {
            ExitKind.Exited => WorkerExit.Exited(m.HasCode ? m.Code : throw InvalidField.Missing(field + ".code")),
            ExitKind.Signaled => WorkerExit.Signaled(m.HasSignal ? m.Signal : throw InvalidField.Missing(field + ".signal"), m.SignalName),
            ExitKind.FailedToStart => WorkerExit.FailedToStart(m.Reason),
            _ => WorkerExit.Unknown(m.Reason),
        };
    }

    /// <summary>One process's resources at one moment, on the wire.</summary>
    public static V1.ProcessSample ToWire(this ProcessSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return new V1.ProcessSample
        {
            Pid = sample.Pid,
            ParentPid = sample.ParentPid,
            Name = sample.Name,
            State = sample.State.ToWire(),
            CpuPercent = sample.CpuPercent,
            CpuTime = sample.CpuTime.ToWire(),
            ResidentBytes = sample.ResidentBytes,
        };
    }

    /// <summary>One process's resources at one moment.</summary>
    /// <exception cref="ProtocolException">Unset, an unknown state, or its CPU time unset or not valid.</exception>
    public static ProcessSample ToCore(this V1.ProcessSample? m, string field = "sample")
    {
        if (m is null)
        {
            throw InvalidField.Missing(field);
        }

        return new ProcessSample(
            m.Pid,
            m.ParentPid,
            m.Name,
            m.State.ToCore(field + ".state"),
            m.CpuPercent,
            m.CpuTime.ToCore(field + ".cpu_time") ?? throw InvalidField.Missing(field + ".cpu_time"),
            m.ResidentBytes);
    }

    /// <summary>An instant on the wire, in UTC (Core's times are UTC already).</summary>
    public static Timestamp ToWire(this DateTimeOffset time) => Timestamp.FromDateTimeOffset(time);

    /// <summary>The instant, at offset zero; null when the field was left unset.</summary>
    /// <exception cref="ProtocolException">Outside years 1 to 9999, or its nanoseconds out of range.</exception>
    public static DateTimeOffset? ToCore(this Timestamp? m, string field = "time")
    {
        if (m is null)
        {
            return null;
        }

        try
        {
            return m.ToDateTimeOffset();
        }
        catch (InvalidOperationException e)
        {
            throw InvalidField.Invalid(field, $"not a valid time (seconds {m.Seconds}, nanos {m.Nanos})", e);
        }
    }

    /// <summary>A span on the wire. One beyond protobuf's range (about ±10,000 years) is sent as that bound.</summary>
    public static Duration ToWire(this TimeSpan span) =>
        Duration.FromTimeSpan(span > MaxDuration ? MaxDuration : span < -MaxDuration ? -MaxDuration : span);

    /// <summary>The span (to 100 ns, a tick); null when the field was left unset.</summary>
    /// <exception cref="ProtocolException">Out of protobuf's range, or its seconds and nanoseconds of opposite signs.</exception>
    public static TimeSpan? ToCore(this Duration? m, string field = "duration")
    {
        if (m is null)
        {
            return null;
        }

        try
        {
            return m.ToTimeSpan();
        }
        catch (InvalidOperationException e)
        {
            throw InvalidField.Invalid(field, $"not a valid duration (seconds {m.Seconds}, nanos {m.Nanos})", e);
        }
    }

    private static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(Duration.MaxSeconds);

    /// <summary>The samples of a list field at <paramref name="path"/>.</summary>
    internal static ImmutableArray<ProcessSample> ToCore(RepeatedField<V1.ProcessSample> list, string path)
    {
        if (list.Count == 0)
        {
            return [];
        }

        ImmutableArray<ProcessSample>.Builder samples = ImmutableArray.CreateBuilder<ProcessSample>(list.Count);
        for (int i = 0; i < list.Count; i++)
        {
            samples.Add(list[i].ToCore(InvalidField.Item(path, i)));
        }

        return samples.MoveToImmutable();
    }

    /// <summary>Adds <paramref name="samples"/> to a list field; a default array adds nothing.</summary>
    internal static void AddTo(RepeatedField<V1.ProcessSample> list, ImmutableArray<ProcessSample> samples)
    {
        if (samples.IsDefault)
        {
            return;
        }

        foreach (ProcessSample sample in samples)
        {
            list.Add(sample.ToWire());
        }
    }
}
