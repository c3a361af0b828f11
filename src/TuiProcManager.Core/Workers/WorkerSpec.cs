using System.Collections.Immutable;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Text;

namespace TuiProcManager.Core.Workers;

/// <summary>What to start: a square or cube worker with its N and workload, or a command.</summary>
/// <remarks>Build one with <see cref="Square"/>, <see cref="Cube"/> or <see cref="Command"/>, or parse user text with <see cref="WorkerSpecParser"/>.</remarks>
public sealed record WorkerSpec
{
    private WorkerSpec(WorkerKind kind, string? number, ImmutableArray<string> command, Workload workload, PoolId? pool = null)
    {
        Pool = pool;
        Kind = kind;
        Number = number;
        CommandLine = command;
        Workload = workload;
    }

    /// <summary>The pool a <see cref="WorkerKind.Pool"/> worker belongs to; null for others.</summary>
    public PoolId? Pool { get; }

    /// <summary>Square, cube, command or pool worker.</summary>
    public WorkerKind Kind { get; }

    /// <summary>N for square and cube, canonical (no leading zeros or plus sign); null for a command.</summary>
    public string? Number { get; }

    /// <summary>The argument vector of a command worker (program first); empty for square and cube.</summary>
    public ImmutableArray<string> CommandLine { get; }

    /// <summary>Steps, work and wait of a square or cube worker; <see cref="Workload.Instant"/> for a command.</summary>
    public Workload Workload { get; }

    /// <summary>
    /// Short text for tables and logs: <c>square 10</c>, <c>cube -3</c>, <c>python3 lesson.py</c>. A command's
    /// arguments may hold anything: control characters are made visible (<see cref="TerminalText"/>).
    /// </summary>
    public string DisplayName => Kind switch
    {
        WorkerKind.Square => "square " + Abbreviated(Number!),
        WorkerKind.Cube => "cube " + Abbreviated(Number!),
        WorkerKind.Pool => $"pool {Pool} worker",
        _ => TerminalText.Sanitize(string.Join(' ', CommandLine)),
    };

    /// <summary>A square worker.</summary>
    /// <exception cref="ArgumentException"><paramref name="number"/> is not an integer accepted by <see cref="WorkerSpecParser.TryParseNumber"/>.</exception>
    public static WorkerSpec Square(string number, Workload? workload = null) =>
        new(WorkerKind.Square, CheckedNumber(number), [], workload ?? Workload.Instant);

    /// <summary>A cube worker.</summary>
    /// <exception cref="ArgumentException"><paramref name="number"/> is not an integer accepted by <see cref="WorkerSpecParser.TryParseNumber"/>.</exception>
    public static WorkerSpec Cube(string number, Workload? workload = null) =>
        new(WorkerKind.Cube, CheckedNumber(number), [], workload ?? Workload.Instant);

    /// <summary>A command worker: <paramref name="argv"/>[0] is the program, searched on PATH unless it contains '/'.</summary>
    /// <exception cref="ArgumentException"><paramref name="argv"/> is empty or its program is empty.</exception>
    public static WorkerSpec Command(IEnumerable<string> argv)
    {
        ImmutableArray<string> args = [.. argv];
        if (args.IsEmpty || string.IsNullOrEmpty(args[0]))
        {
            throw new ArgumentException("A command needs a program.", nameof(argv));
        }

        return new WorkerSpec(WorkerKind.Command, null, args, Workload.Instant);
    }

    /// <summary>A worker of pool <paramref name="pool"/>, taking its inputs with <paramref name="workload"/> each.</summary>
    public static WorkerSpec PoolWorker(PoolId pool, Workload? workload = null) =>
        new(WorkerKind.Pool, null, [], workload ?? Workload.Instant, pool);

    /// <summary>The same worker with another workload (ignored by command workers).</summary>
    public WorkerSpec WithWorkload(Workload workload) =>
        Kind == WorkerKind.Command ? this : new WorkerSpec(Kind, Number, CommandLine, workload, Pool);

    /// <inheritdoc />
    public bool Equals(WorkerSpec? other) =>
        other is not null && Kind == other.Kind && Number == other.Number && Workload == other.Workload && Pool == other.Pool &&
        CommandLine.SequenceEqual(other.CommandLine);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, Number, Workload, CommandLine.Length);

    /// <inheritdoc />
    public override string ToString() => DisplayName;

    private static string CheckedNumber(string number) =>
        WorkerSpecParser.TryParseNumber(number, out string? canonical, out string? error)
            ? canonical
            : throw new ArgumentException(error, nameof(number));

    private static string Abbreviated(string number) =>
        number.Length <= 24 ? number : $"{number[..10]}…{number[^10..]} ({number.Length} digits)";
}
