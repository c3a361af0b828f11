namespace TuiProcManager.Worker;

/// <summary>
/// Entry point of <c>tuiproc-worker</c>: <c>square N</c> or <c>cube N</c>, optionally with
/// <c>--steps K --work-ms W --wait-ms T</c>; or, for the supervisor only, the orphan guard.
/// </summary>
internal static class Program
{
    /// <summary>Exit code for bad arguments, as for every command of the project.</summary>
    internal const int UsageError = 2;

    private static int Main(string[] args)
    {
        if (args.Length > 0 && args[0] == GuardMode.Flag)
        {
            return GuardMode.Run(args.AsSpan(1));
        }

        if (args.Length == 1 && args[0] is "--help" or "-h")
        {
            NativeOutput.Write(1, WorkerArguments.Usage);
            return 0;
        }

        if (!WorkerArguments.TryParse(args, out WorkerArguments? parsed, out string? error))
        {
            NativeOutput.Write(2, "tuiproc-worker: " + error + "\n");
            return UsageError;
        }

        WorkLoop.Run(parsed, line => NativeOutput.Write(1, line + "\n"));
        return 0;
    }
}
