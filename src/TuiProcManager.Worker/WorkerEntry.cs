namespace TuiProcManager.Worker;

/// <summary>
/// The worker's modes, for a program that is the worker too: <c>tuiproc</c> is a multi-call executable, the
/// worker when it is started under the name <see cref="Name"/> (argv[0]), as busybox's applets are.
/// </summary>
/// <remarks>
/// Call <see cref="Run"/> first thing in Main, before anything starts a thread or touches the console: the
/// fork server forks this process and refuses to unless it runs only its own thread and the finalizer's.
/// </remarks>
public static class WorkerEntry
{
    /// <summary>The worker's program name; argv[0] whose last path component is this selects worker mode.</summary>
    public const string Name = "tuiproc-worker";

    /// <summary>Whether <paramref name="argv0"/> (the name the process was started under) selects worker mode.</summary>
    public static bool IsWorkerName(string? argv0) =>
        argv0 is not null && (argv0 == Name || argv0.EndsWith("/" + Name, StringComparison.Ordinal));

    /// <summary>Runs the worker (square, cube, pool, or for the supervisor the guard or the fork server) on <paramref name="args"/> (argv[1..]); returns its exit code.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args switch
        {
            [GuardMode.Flag, ..] => GuardMode.Run(args.AsSpan(1)),
            [ForkServerMode.Flag] => ForkServerMode.Run(),
            _ => WorkerMain.Run(args),
        };
    }
}
