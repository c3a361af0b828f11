using System.Diagnostics.CodeAnalysis;

namespace TuiProcManager.Worker;

/// <summary>
/// The pool's command line: <c>pool [--steps K] [--work-ms W] [--wait-ms T] [--results-fd FD]</c>; its
/// inputs come on stdin (see <see cref="PoolMode"/>).
/// </summary>
/// <param name="Options">Applied to every input.</param>
internal sealed record PoolArguments(WorkerOptions Options)
{
    internal const string Verb = "pool";

    /// <summary>Parses the whole command line, <c>pool</c> first.</summary>
    internal static bool TryParse(
        IReadOnlyList<string> args,
        [NotNullWhen(true)] out PoolArguments? parsed,
        [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        if (args.Count == 0 || args[0] != Verb)
        {
            error = "expected 'pool'";
            return false;
        }

        List<string> operands = [];
        if (!WorkerOptions.TryParse(args, 1, operands, out WorkerOptions? options, out error))
        {
            return false;
        }

        if (operands.Count > 0)
        {
            error = $"unexpected argument '{WorkerArguments.Shorten(operands[0])}' (a pool reads its inputs from stdin)";
            return false;
        }

        parsed = new PoolArguments(options);
        return true;
    }
}
