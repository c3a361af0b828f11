namespace TuiProcManager.Linux;

/// <summary>Settings of the Linux process layer.</summary>
public sealed class LinuxProcessOptions
{
    /// <summary>
    /// Path of <c>tuiproc-worker</c>: the square and cube workers, the orphan guard and the fork server.
    /// Required.
    /// </summary>
    public string WorkerExecutable { get; set; } = "";

    /// <summary>
    /// The name (argv[0]) <see cref="WorkerExecutable"/> is started under: null for its own path (a separate
    /// <c>tuiproc-worker</c>); <c>tuiproc-worker</c> when the worker is tuiproc itself, a multi-call executable
    /// that is the worker when started under that name. <c>ps</c> shows workers by it either way.
    /// </summary>
    public string? WorkerName { get; set; }

    /// <summary>argv[0] for a start of the worker executable.</summary>
    internal string WorkerArgv0 => WorkerName ?? WorkerExecutable;

    /// <summary>
    /// Start square and cube workers through the fork server (about 0.4 ms each instead of 3 ms) when the
    /// worker is a NativeAOT build. Default true; posix_spawn is used whenever the server is unavailable.
    /// </summary>
    public bool UseForkServer { get; set; } = true;

    /// <summary>
    /// Longest output line kept, in bytes; the rest of a longer line is cut and counted in a marker.
    /// Default 1 MiB: large enough for the square of a 100,000-digit N (200,000 digits).
    /// </summary>
    public int MaxLineBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// How long, after a process ends, its pipes may stay open (held by something that left its process
    /// group) before they are closed and the end reported anyway. Default 2 s.
    /// </summary>
    public TimeSpan ExitDrainTimeout { get; set; } = TimeSpan.FromSeconds(2);
}
