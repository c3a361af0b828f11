using System.Collections.Immutable;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Protocol;

/// <summary>
/// Core's values (specs, workloads, exits, samples, pool requests, times and enums) as the session
/// protocol's messages, and back.
/// </summary>
/// <remarks>
/// <para>
/// <c>ToWire</c> never fails for a value Core made. <c>ToCore</c> checks what Core would check and throws
/// <see cref="ProtocolException"/> naming the field: its <c>field</c> parameter is the path the message has
/// in the request or event it came in (<c>spawn</c>'s <c>spec</c>, <c>snapshot.workers[2].spec</c>), and
/// a message left unset where one is required is <c>FIELD: missing</c>.
/// </para>
/// <para>
/// A nullable Core value is an unset proto3 <c>optional</c> field or an unset message field when null.
/// Times are UTC on the wire and come back at offset zero.
/// </para>
/// </remarks>
public static partial class ValueMessages
{
    /// <summary>What to start, on the wire: N for square and cube, the argument vector for a command.</summary>
    /// <remarks>A command's workload is always <see cref="Workload.Instant"/>, so it is left unset.</remarks>
    public static V1.WorkerSpec ToWire(this WorkerSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        V1.WorkerSpec m = new() { Kind = spec.Kind.ToWire() };
        if (spec.Number is not null)
        {
            m.Number = spec.Number;
        }

        if (spec.Kind == WorkerKind.Command)
        {
            m.Command.Add(spec.CommandLine);
        }
        else
        {
            m.Workload = spec.Workload.ToWire();
        }

        if (spec.Pool is { } pool)
        {
            m.Pool = pool.Value;
        }

        return m;
    }

    /// <summary>
    /// The spec, through Core's own factories and checks: fields that do not belong to its kind are ignored,
    /// an unset workload is <see cref="Workload.Instant"/>.
    /// </summary>
    /// <param name="m">The message; null when the field was left unset.</param>
    /// <param name="field">Its path, for the error message.</param>
    /// <exception cref="ProtocolException">Unset; an unknown kind; a square or cube N that
    /// <see cref="WorkerSpecParser.TryParseNumber"/> refuses; a workload out of range; a command without a
    /// program; a pool worker without its pool.</exception>
    public static WorkerSpec ToCore(this V1.WorkerSpec? m, string field = "spec")
    {
        if (m is null)
        {
            throw InvalidField.Missing(field);
        }

        WorkerKind kind = m.Kind.ToCore(field + ".kind");
        if (kind == WorkerKind.Command)
        {
            try
            {
                return WorkerSpec.Command(m.Command);
            }
            catch (ArgumentException e)
            {
                throw InvalidField.Rejected(field + ".command", e);
            }
        }

        Workload workload = m.Workload.ToCore(field + ".workload");
        if (kind == WorkerKind.Pool)
        {
            return m.HasPool ? WorkerSpec.PoolWorker(new PoolId(m.Pool), workload) : throw InvalidField.Missing(field + ".pool");
        }

        try
        {
            return kind == WorkerKind.Square ? WorkerSpec.Square(m.Number, workload) : WorkerSpec.Cube(m.Number, workload);
        }
        catch (ArgumentException e)
        {
            throw InvalidField.Rejected(field + ".number", e);
        }
    }

    /// <summary>Steps, work and wait, on the wire.</summary>
    public static V1.Workload ToWire(this Workload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return new V1.Workload { Steps = workload.Steps, WorkMs = workload.WorkMs, WaitMs = workload.WaitMs };
    }

    /// <summary>The workload; <see cref="Workload.Instant"/> when the field was left unset (all zeros, as proto3 reads it).</summary>
    /// <param name="m">The message; null when the field was left unset.</param>
    /// <param name="field">Its path, for the error message.</param>
    /// <exception cref="ProtocolException">A value is negative or above <see cref="Workload"/>'s maximum.</exception>
    public static Workload ToCore(this V1.Workload? m, string field = "workload")
    {
        if (m is null)
        {
            return Workload.Instant;
        }

        try
        {
            return new Workload(m.Steps, m.WorkMs, m.WaitMs);
        }
        catch (ArgumentOutOfRangeException e)
        {
            // Workload's parameters are its proto fields in camelCase.
            string? wireField = e.ParamName switch
            {
                "steps" => "steps",
                "workMs" => "work_ms",
                "waitMs" => "wait_ms",
                _ => null,
            };
            throw InvalidField.Rejected(wireField is null ? field : field + "." + wireField, e);
        }
    }

    /// <summary>A pool to start, on the wire.</summary>
    public static V1.PoolRequest ToWire(this PoolRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        V1.PoolRequest m = new() { Size = request.Size, Workload = request.Workload.ToWire() };
        if (!request.Tasks.IsDefault)
        {
            foreach (PoolTask task in request.Tasks)
            {
                m.Tasks.Add(task.ToWire());
            }
        }

        return m;
    }

    /// <summary>
    /// The pool request, each input checked as <see cref="ToCore(V1.PoolTask?, string)"/> does; an unset
    /// workload is <see cref="Workload.Instant"/>. The size is not checked here: that is the supervisor's
    /// (<see cref="PoolRequest.Problem"/>), with its own message.
    /// </summary>
    /// <exception cref="ProtocolException">Unset, or an input or the workload is not valid.</exception>
    public static PoolRequest ToCore(this V1.PoolRequest? m, string field = "request")
    {
        if (m is null)
        {
            throw InvalidField.Missing(field);
        }

        string tasksPath = field + ".tasks";
        ImmutableArray<PoolTask>.Builder tasks = ImmutableArray.CreateBuilder<PoolTask>(m.Tasks.Count);
        for (int i = 0; i < m.Tasks.Count; i++)
        {
            tasks.Add(ToCore(m.Tasks[i], tasksPath, i));
        }

        return new PoolRequest(tasks.MoveToImmutable(), m.Size, m.Workload.ToCore(field + ".workload"));
    }

    /// <summary>One input of a pool, on the wire.</summary>
    public static V1.PoolTask ToWire(this PoolTask task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new V1.PoolTask { Kind = task.Kind.ToWire(), Input = task.Input };
    }

    /// <summary>One input of a pool: square or cube of an N that <see cref="WorkerSpecParser.TryParseNumber"/> accepts, made canonical.</summary>
    /// <exception cref="ProtocolException">Unset, another kind, or an N that is not a whole number.</exception>
    public static PoolTask ToCore(this V1.PoolTask? m, string field = "task") => ToCore(m, field, -1);

    /// <summary>How a pool ended, on the wire.</summary>
    public static V1.PoolOutcome ToWire(this PoolOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return new V1.PoolOutcome { Succeeded = outcome.Succeeded, Failed = outcome.Failed, NotRun = outcome.NotRun };
    }

    /// <summary>How a pool ended.</summary>
    /// <exception cref="ProtocolException">Unset.</exception>
    public static PoolOutcome ToCore(this V1.PoolOutcome? m, string field = "outcome") =>
        m is null ? throw InvalidField.Missing(field) : new PoolOutcome(m.Succeeded, m.Failed, m.NotRun);

    /// <summary>
    /// A pool input at <paramref name="index"/> of the list at <paramref name="path"/> (or the field itself when
    /// the index is negative): the path is only formatted for an error, as a pool holds up to 100,000 inputs.
    /// </summary>
    private static PoolTask ToCore(V1.PoolTask? m, string path, int index)
    {
        if (m is null)
        {
            throw InvalidField.Missing(InvalidField.Item(path, index));
        }

        WorkerKind kind = m.Kind switch
        {
            V1.WorkerKind.Square => WorkerKind.Square,
            V1.WorkerKind.Cube => WorkerKind.Cube,
            _ => throw InvalidField.Invalid(InvalidField.Item(path, index) + ".kind", $"a pool input is square or cube, not {m.Kind}"),
        };
        return WorkerSpecParser.TryParseNumber(m.Input, out string? canonical, out string? error)
            ? new PoolTask(kind, canonical)
            : throw InvalidField.Invalid(InvalidField.Item(path, index) + ".input", error);
    }
}
