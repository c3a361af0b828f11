using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace TuiProcManager.Worker;

/// <summary>
/// The options <c>square</c>, <c>cube</c> and <c>pool</c> share:
/// <c>[--steps K] [--work-ms W] [--wait-ms T] [--results-fd FD]</c>, as <c>--name value</c> or <c>--name=value</c>.
/// </summary>
/// <param name="Steps">Progress steps per input (0: the result at once).</param>
/// <param name="WorkMs">CPU time burnt per step.</param>
/// <param name="WaitMs">Time asleep per step, after the CPU time.</param>
/// <param name="ResultsFd">Where result records go (see <see cref="ResultLine"/>); -1: nowhere.</param>
internal sealed record WorkerOptions(int Steps = 0, int WorkMs = 0, int WaitMs = 0, int ResultsFd = -1)
{
    internal const int MaxSteps = 1_000_000;
    internal const int MaxMilliseconds = 3_600_000;

    /// <summary>Parses <paramref name="args"/> from <paramref name="first"/> on; what is not an option goes to <paramref name="operands"/>.</summary>
    internal static bool TryParse(
        IReadOnlyList<string> args,
        int first,
        List<string> operands,
        [NotNullWhen(true)] out WorkerOptions? options,
        [NotNullWhen(false)] out string? error)
    {
        options = null;
        int steps = 0, workMs = 0, waitMs = 0, resultsFd = -1;
        for (int i = first; i < args.Count; i++)
        {
            string arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                operands.Add(arg);
                continue;
            }

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
                case "--results-fd": target = ref resultsFd; max = int.MaxValue; break;
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

        error = null;
        options = new WorkerOptions(steps, workMs, waitMs, resultsFd);
        return true;
    }
}
