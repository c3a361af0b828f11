namespace TuiProcManager.Composition;

/// <summary>Where the build puts <c>tuiproc-worker</c>: <c>worker/</c> beside the app (build/TuiprocWorker.targets).</summary>
internal static class WorkerExecutable
{
    /// <summary>The worker's full path beside this app.</summary>
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "worker", "tuiproc-worker");

    /// <summary>A one-line message when the worker is missing, else null.</summary>
    public static string? Problem() => File.Exists(Path)
        ? null
        : $"the worker program is missing at {Path}; build the solution (dotnet build) to create it";
}
