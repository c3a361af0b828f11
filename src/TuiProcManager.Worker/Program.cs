namespace TuiProcManager.Worker;

/// <summary>
/// Entry point of <c>tuiproc-worker</c>: <c>square N</c> or <c>cube N</c>, or <c>pool</c> (inputs on
/// stdin), optionally with <c>--steps K --work-ms W --wait-ms T --results-fd FD</c>; or, for the
/// supervisor only, the orphan guard (<c>--guard</c>) or the fork server (<c>--fork-server</c>).
/// </summary>
internal static class Program
{
    private static int Main(string[] args) => WorkerEntry.Run(args);
}
