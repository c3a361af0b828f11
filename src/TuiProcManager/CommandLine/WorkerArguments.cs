using System.CommandLine;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Text;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.CommandLine;

/// <summary>
/// The worker arguments shared by <c>tuiproc run</c> and the UI's command line: specs such as
/// <c>square:10</c>, <c>--cmd</c>, and the workload options. Every problem is found while parsing, so a
/// command with bad input starts nothing.
/// </summary>
internal sealed class WorkerArguments
{
    public Argument<string[]> Specs { get; } = new("specs")
    {
        Description = "Workers to start, as KIND:N: square:10 prints 'Square: 100', cube:10 prints 'Cube: 1000'. N is any integer; a list (cube:2,3,5) or a range (square:1..20) starts one worker per N, or, with --pool, maps over them.",
        HelpName = "KIND:N",
        Arity = ArgumentArity.ZeroOrMore,
    };

    public Option<string[]> Commands { get; } = new("--cmd")
    {
        Description = "A program to run as a worker, split into words as a shell would but never run by a shell, e.g. --cmd 'python3 lesson.py'. Repeatable.",
        HelpName = "COMMAND",
        Arity = ArgumentArity.OneOrMore,
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<int> Steps { get; } = IntegerOption.Create(
        "--steps", "K", "Square and cube workers take K steps before printing the result (default 0: at once).", Workload.MaxSteps);

    public Option<int> WorkMs { get; } = IntegerOption.Create(
        "--work-ms", "W", "CPU work per step, in milliseconds.", Workload.MaxMilliseconds);

    public Option<int> WaitMs { get; } = IntegerOption.Create(
        "--wait-ms", "T", "Time blocked (sleeping, as on I/O) per step, in milliseconds.", Workload.MaxMilliseconds);

    /// <summary>The arguments, checking each <c>--cmd</c>'s program with <paramref name="resolver"/> (the app's, from its composition root) while parsing.</summary>
    public WorkerArguments(IExecutableResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        Specs.Validators.Add(result =>
        {
            foreach (string spec in result.Tokens.Select(t => t.Value))
            {
                if (spec.StartsWith('-'))
                {
                    result.AddError($"unknown option '{InputText.Shorten(spec)}'");
                    return;
                }

                if (!MapSpecParser.TryParse(spec, MapSpecParser.MaxInputs, out _, out string? error))
                {
                    result.AddError(error);
                    return;
                }
            }
        });
        Commands.Validators.Add(result =>
        {
            foreach (string command in result.Tokens.Select(t => t.Value))
            {
                if (!TrySplit(command, out IReadOnlyList<string>? argv, out string? error)
                    || !ArgumentLimits.TryCheck(argv, "--cmd", out error)
                    || !resolver.TryResolve(argv[0], out _, out error))
                {
                    result.AddError(error);
                    return;
                }
            }
        });
    }

    /// <summary>
    /// Adds the arguments to <paramref name="command"/>, with a check that the specs start at most
    /// <see cref="MaxWorkers"/> workers (unless <paramref name="pool"/> is given, which maps over them instead),
    /// and, if <paramref name="requireWorkers"/>, that it names at least one worker.
    /// </summary>
    public void AddTo(Command command, bool requireWorkers, Option<int>? pool = null)
    {
        command.Add(Specs);
        command.Add(Commands);
        command.Add(Steps);
        command.Add(WorkMs);
        command.Add(WaitMs);
        command.Validators.Add(result =>
        {
            long inputs = CountInputs(result.GetResult(Specs)?.Tokens.Select(t => t.Value) ?? []);
            if (inputs > MaxWorkers && (pool is null || result.GetResult(pool) is not { Implicit: false }))
            {
                result.AddError($"the specs name {inputs:N0} workers; at most {MaxWorkers:N0} are started one by one" +
                    (pool is null ? "" : " (map over more with --pool N)"));
            }
        });
        if (!requireWorkers)
        {
            return;
        }

        command.Validators.Add(result =>
        {
            // Tokens, not values: a validator must not convert (a value that failed to parse would throw).
            if (result.GetResult(Specs) is not { Tokens.Count: > 0 } && result.GetResult(Commands) is null)
            {
                result.AddError("nothing to run: give worker specs such as square:10 cube:10, or --cmd 'python3 lesson.py'");
            }
        });
    }

    /// <summary>Most workers the specs may start one by one; more inputs than that take a pool.</summary>
    public const int MaxWorkers = 1_000;

    /// <summary>How many inputs the specs name (0 when one does not parse: its own error is reported).</summary>
    public static long CountInputs(IEnumerable<string> specs) =>
        specs.Sum(text => MapSpecParser.TryParse(text, MapSpecParser.MaxInputs, out MapSpec? map, out _) ? map.Inputs.Length : 0L);

    /// <summary>The workload the options give.</summary>
    public Workload BuildWorkload(ParseResult parsed) => new(parsed.GetValue(Steps), parsed.GetValue(WorkMs), parsed.GetValue(WaitMs));

    /// <summary>The KIND:ITEMS specs, parsed. Call only on a parse without errors.</summary>
    public IReadOnlyList<MapSpec> Maps(ParseResult parsed) =>
        [.. (parsed.GetValue(Specs) ?? []).Select(text => MapSpecParser.TryParse(text, MapSpecParser.MaxInputs, out MapSpec? map, out string? error)
            ? map
            : throw new InvalidOperationException(error))]; // validated while parsing

    /// <summary>
    /// The workers to start one by one, in the order given: one per input of each KIND:ITEMS spec, then
    /// the commands. Call only on a parse without errors.
    /// </summary>
    public IReadOnlyList<WorkerSpec> Build(ParseResult parsed)
    {
        Workload workload = BuildWorkload(parsed);
        List<WorkerSpec> specs = [];
        foreach (MapSpec map in Maps(parsed))
        {
            specs.AddRange(map.Inputs.Select(n => map.Kind == WorkerKind.Square ? WorkerSpec.Square(n, workload) : WorkerSpec.Cube(n, workload)));
        }

        foreach (string text in parsed.GetValue(Commands) ?? [])
        {
            specs.Add(TrySplit(text, out IReadOnlyList<string>? argv, out string? error)
                ? WorkerSpec.Command(argv)
                : throw new InvalidOperationException(error));
        }

        return specs;
    }

    private static bool TrySplit(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IReadOnlyList<string>? argv, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error) =>
        CommandLineSplitter.TrySplit(text, Environment.GetEnvironmentVariable("HOME"), out argv, out error);
}
