using System.Collections.Immutable;

namespace TuiProcManager.Core.Workers;

/// <summary>What to start: a square or cube worker with its N and workload, or a command.</summary>
/// <remarks>Build one with <see cref="Square"/>, <see cref="Cube"/> or <see cref="Command"/>, or parse user text with <see cref="WorkerSpecParser"/>.</remarks>
public sealed record WorkerSpec
{
    private WorkerSpec(WorkerKind kind, string? number, ImmutableArray<string> command, Workload workload)
    {
        Kind = kind;
        Number = number;
        CommandLine = command;
        Workload = workload;
    }

    /// <summary>Square, cube or command.</summary>
    public WorkerKind Kind { get; }

    /// <summary>N for square and cube, canonical (no leading zeros or plus sign); null for a command.</summary>
    public string? Number { get; }

    /// <summary>The argument vector of a command worker (program first); empty for square and cube.</summary>
    public ImmutableArray<string> CommandLine { get; }

    /// <summary>Steps, work and wait of a square or cube worker; <see cref="Workload.Instant"/> for a command.</summary>
    public Workload Workload { get; }

    /// <summary>Short text for tables and logs: <c>square 10</c>, <c>cube -3</c>, <c>python3 lesson.py</c>.</summary>
    public string DisplayName => Kind switch
    {
        WorkerKind.Square => "square " + Abbreviated(Number!),
        WorkerKind.Cube => "cube " + Abbreviated(Number!),
        _ => string.Join(' ', CommandLine),
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

    /// <summary>The same worker with another workload (ignored by command workers).</summary>
    public WorkerSpec WithWorkload(Workload workload) =>
        Kind == WorkerKind.Command ? this : new WorkerSpec(Kind, Number, CommandLine, workload);

    /// <inheritdoc />
    public bool Equals(WorkerSpec? other) =>
        other is not null && Kind == other.Kind && Number == other.Number && Workload == other.Workload &&
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
