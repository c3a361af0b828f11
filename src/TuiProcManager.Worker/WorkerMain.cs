namespace TuiProcManager.Worker;

/// <summary>
/// A square or cube worker, or a pool (<see cref="PoolMode"/>), from its arguments to its exit code;
/// started directly or forked by the fork server.
/// </summary>
internal static class WorkerMain
{
    /// <summary>Exit code for bad arguments, as for every command of the project.</summary>
    internal const int UsageError = 2;

    internal static int Run(IReadOnlyList<string> args)
    {
        if (args is ["--help"] or ["-h"])
        {
            NativeOutput.Write(1, WorkerArguments.Usage);
            return 0;
        }

        if (args is [PoolArguments.Verb, ..])
        {
            return PoolArguments.TryParse(args, out PoolArguments? pool, out string? poolError)
                ? PoolMode.Run(pool)
                : Refuse(poolError);
        }

        if (!WorkerArguments.TryParse(args, out WorkerArguments? parsed, out string? error))
        {
            return Refuse(error);
        }

        string result = WorkLoop.Run(parsed, line => NativeOutput.Write(1, line + "\n"));
        ResultLine.Write(parsed.ResultsFd, ResultLine.Ok(parsed.Kind, parsed.Number, result));
        return 0;
    }

    private static int Refuse(string error)
    {
        NativeOutput.Write(2, "tuiproc-worker: " + error + "\n");
        return UsageError;
    }
}
