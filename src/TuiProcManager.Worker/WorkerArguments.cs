using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace TuiProcManager.Worker;

/// <summary>
/// The worker's command line: <c>square|cube N [--steps K] [--work-ms W] [--wait-ms T]</c>.
/// </summary>
/// <remarks>
/// Parsed by hand on purpose. Every spawn pays the worker's start-up, and System.CommandLine measured
/// about 1 ms more per start (3.9 ms against 2.9 ms of task-clock, NativeAOT, perf stat -r 200) on a
/// grammar of one verb, one number and three options. The app's own command line uses System.CommandLine.
/// </remarks>
internal sealed record WorkerArguments(WorkerKind Kind, string Number, int Steps, int WorkMs, int WaitMs)
{
    /// <summary>
    /// Longest accepted N, in digits. Linux refuses a single argument of 128 KiB or more (MAX_ARG_STRLEN),
    /// so anything longer could never have been passed to us by exec anyway.
    /// </summary>
    internal const int MaxDigits = 120_000;

    internal const int MaxSteps = 1_000_000;
    internal const int MaxMilliseconds = 3_600_000;

    internal const string Usage =
        "usage: tuiproc-worker square|cube N [--steps K] [--work-ms W] [--wait-ms T]\n" +
        "  prints 'Square: N^2' or 'Cube: N^3'; with K steps, each step burns about W ms of CPU,\n" +
        "  then sleeps T ms, then prints one progress line; the result line comes last.\n";

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

        WorkerKind kind;
        switch (args[0])
        {
            case "square": kind = WorkerKind.Square; break;
            case "cube": kind = WorkerKind.Cube; break;
            default:
                error = $"unknown worker kind '{args[0]}' (expected square or cube)";
                return false;
        }

        string? number = null;
        int steps = 0, workMs = 0, waitMs = 0;
        for (int i = 1; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                int eq = arg.IndexOf('=', StringComparison.Ordinal);
                string name = eq < 0 ? arg : arg[..eq];
                string? value = eq < 0 ? (i + 1 < args.Count ? args[++i] : null) : arg[(eq + 1)..];
                ref int target = ref steps;
                int max = MaxMilliseconds;
                switch (name)
                {
                    case "--steps": max = MaxSteps; break;
                    case "--work-ms": target = ref workMs; break;
                    case "--wait-ms": target = ref waitMs; break;
                    default:
                        error = $"unknown option '{name}'";
                        return false;
                }

                if (value is null)
                {
                    error = $"{name} needs a value";
                    return false;
                }

                if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out target) || target > max)
                {
                    error = $"{name} must be a whole number from 0 to {max}, got '{value}'";
                    return false;
                }
            }
            else if (number is null)
            {
                number = arg;
            }
            else
            {
                error = $"unexpected argument '{arg}'";
                return false;
            }
        }

        if (number is null)
        {
            error = $"missing N: expected '{args[0]} N'";
            return false;
        }

        if (!IsInteger(number))
        {
            error = number.Length > MaxDigits + 1
                ? $"N is too long ({number.Length} characters; at most {MaxDigits} digits)"
                : $"N must be an integer, got '{number}'";
            return false;
        }

        error = null;
        parsed = new WorkerArguments(kind, number, steps, workMs, waitMs);
        return true;
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
}
