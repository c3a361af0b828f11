using System.Diagnostics.CodeAnalysis;

namespace TuiProcManager.Worker;

/// <summary>
/// The worker's command line for one input: <c>square|cube N [--steps K] [--work-ms W] [--wait-ms T]
/// [--results-fd FD]</c> (options: <see cref="WorkerOptions"/>; the pool's: <see cref="PoolArguments"/>).
/// </summary>
/// <remarks>
/// Parsed by hand on purpose. Every spawn pays the worker's start-up, and System.CommandLine measured
/// about 1 ms more per start (3.9 ms against 2.9 ms of task-clock, NativeAOT, perf stat -r 200) on a
/// grammar of one verb, one number and three options. The app's own command line uses System.CommandLine.
/// </remarks>
internal sealed record WorkerArguments(WorkerKind Kind, string Number, int Steps, int WorkMs, int WaitMs, int ResultsFd = -1)
{
    /// <summary>
    /// Longest accepted N, in digits. Linux refuses a single argument of 128 KiB or more (MAX_ARG_STRLEN),
    /// so anything longer could never have been passed to us by exec anyway.
    /// </summary>
    internal const int MaxDigits = 120_000;

    internal const int MaxSteps = WorkerOptions.MaxSteps;
    internal const int MaxMilliseconds = WorkerOptions.MaxMilliseconds;

    internal const string Usage =
        "usage: tuiproc-worker square|cube N [--steps K] [--work-ms W] [--wait-ms T] [--results-fd FD]\n" +
        "       tuiproc-worker pool [--steps K] [--work-ms W] [--wait-ms T] [--results-fd FD]\n" +
        "  square|cube: prints 'Square: N^2' or 'Cube: N^3'; with K steps, each step burns about W ms of\n" +
        "  CPU, then sleeps T ms, then prints one progress line; the result line comes last. With\n" +
        "  --results-fd, the record 'ok square N N^2' is then also written to fd FD.\n" +
        "  pool: reads lines 'square N' or 'cube N' from stdin until end of file; for each, runs the steps\n" +
        "  and writes its record ('ok cube N N^3') to fd FD, with no result line on stdout.\n";

    internal static bool TryParse(
        IReadOnlyList<string> args,
        [NotNullWhen(true)] out WorkerArguments? parsed,
        [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        if (args.Count == 0)
        {
            error = "missing worker kind: expected 'square N' or 'cube N'";
            return false;
        }

        if (!TryParseKind(args[0], out WorkerKind kind))
        {
            error = $"unknown worker kind '{args[0]}' (expected square or cube)";
            return false;
        }

        List<string> operands = [];
        if (!WorkerOptions.TryParse(args, 1, operands, out WorkerOptions? options, out error))
        {
            return false;
        }

        if (operands.Count == 0)
        {
            error = $"missing N: expected '{args[0]} N'";
            return false;
        }

        if (operands.Count > 1)
        {
            error = $"unexpected argument '{operands[1]}'";
            return false;
        }

        if (!TryCheckNumber(operands[0], out error))
        {
            return false;
        }

        parsed = new WorkerArguments(kind, operands[0], options.Steps, options.WorkMs, options.WaitMs, options.ResultsFd);
        return true;
    }

    /// <summary><c>square</c> or <c>cube</c>, exactly.</summary>
    internal static bool TryParseKind(string text, out WorkerKind kind)
    {
        (bool known, kind) = text switch
        {
            "square" => (true, WorkerKind.Square),
            "cube" => (true, WorkerKind.Cube),
            _ => (false, WorkerKind.Square),
        };
        return known;
    }

    /// <summary>N as <see cref="IsInteger"/> wants it, or one line saying what is wrong.</summary>
    internal static bool TryCheckNumber(string number, [NotNullWhen(false)] out string? error)
    {
        if (IsInteger(number))
        {
            error = null;
            return true;
        }

        error = number.Length > MaxDigits + 1
            ? $"N is too long ({number.Length} characters; at most {MaxDigits} digits)"
            : $"N must be an integer, got '{Shorten(number)}'";
        return false;
    }

    /// <summary>An optional sign followed by 1 to <see cref="MaxDigits"/> ASCII digits, nothing else.</summary>
    internal static bool IsInteger(string text)
    {
        ReadOnlySpan<char> digits = text.AsSpan();
        if (digits.Length > 0 && digits[0] is '-' or '+')
        {
            digits = digits[1..];
        }

        return digits.Length is > 0 and <= MaxDigits && !digits.ContainsAnyExceptInRange('0', '9');
    }

    /// <summary>Keeps an error message one readable line, whatever the input (a pool line may be 120 KB).</summary>
    internal static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";
}
