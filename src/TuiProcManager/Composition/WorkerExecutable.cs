using TuiProcManager.Worker;

namespace TuiProcManager.Composition;

/// <summary>
/// Which program the workers (and the orphan guard and fork server) are, in this order:
/// <list type="number">
/// <item>a native <c>tuiproc-worker</c> beside tuiproc: where the publish puts it, the one file that travels
/// with tuiproc (a small NativeAOT program: about 3.7 MiB resident and a quarter of the CPU per start of tuiproc
/// itself as the worker; see the worker-start benchmark);</item>
/// <item><c>worker/tuiproc-worker</c>: where the build stages it (NativeAOT, or JIT without a C toolchain);</item>
/// <item>tuiproc itself, when it is native: it is the worker when started under the name <c>tuiproc-worker</c>
/// (Program.Main), so a tuiproc copied alone works;</item>
/// <item>a JIT <c>tuiproc-worker</c> beside tuiproc (the build copies the referenced worker's JIT apphost there;
/// it comes after the staged one, which is NativeAOT where the machine allows).</item>
/// </list>
/// </summary>
internal static class WorkerExecutable
{
    private static readonly (string Path, string? Name) Chosen = Choose(AppContext.BaseDirectory, Environment.ProcessPath);

    /// <summary>The worker's full path.</summary>
    public static string Path => Chosen.Path;

    /// <summary>The name it is started under (argv[0]): null for its path, <c>tuiproc-worker</c> when it is tuiproc itself.</summary>
    public static string? Name => Chosen.Name;

    /// <summary>A one-line message when the worker is missing, else null.</summary>
    public static string? Problem() => File.Exists(Path)
        ? null
        : $"the worker program is missing at {Path}; build the solution (dotnet build) to create it, or put tuiproc-worker beside tuiproc";

    /// <summary>The choice above for an app in <paramref name="appDirectory"/> whose executable is <paramref name="processPath"/>.</summary>
    internal static (string Path, string? Name) Choose(string appDirectory, string? processPath)
    {
        string beside = System.IO.Path.Combine(appDirectory, WorkerEntry.Name);
        string staged = System.IO.Path.Combine(appDirectory, "worker", WorkerEntry.Name);
        const string? ItsPath = null;
        return IsNative(beside) ? (beside, ItsPath)
            : File.Exists(staged) ? (staged, ItsPath)
            : IsNative(processPath) && System.IO.Path.GetFileName(processPath) != "dotnet" ? (processPath!, WorkerEntry.Name)
            : File.Exists(beside) ? (beside, ItsPath)
            : (staged, ItsPath); // none at all: Problem() names where the build puts it
    }

    /// <summary>
    /// Whether <paramref name="executable"/> is there and native (NativeAOT): not a JIT apphost, which has its
    /// .dll beside it. (RuntimeFeature cannot tell for ourselves: with PublishAot set, the SDK makes it report
    /// the AOT values under the JIT too.) The dotnet host itself (<c>dotnet tuiproc.dll</c>) is told apart by name.
    /// </summary>
    private static bool IsNative(string? executable) =>
        executable is not null && File.Exists(executable) && !File.Exists(executable + ".dll");
}
