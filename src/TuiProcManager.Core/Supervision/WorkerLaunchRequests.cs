using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

/// <summary>What the launcher is asked to start for a worker spec.</summary>
internal static class WorkerLaunchRequests
{
    /// <summary>Where the worker finds its results pipe (see <see cref="LaunchRequest.WithResults"/>).</summary>
    private const string ResultsFdArgument = "--results-fd=3";

    /// <summary>
    /// Square, cube and pool workers run <paramref name="workerExecutable"/> and report results on fd 3
    /// (<see cref="LaunchRequest.WithResults"/>); pool workers take their inputs on stdin. Commands run as given.
    /// </summary>
    public static LaunchRequest For(WorkerSpec spec, string workerExecutable) => spec.Kind switch
    {
        WorkerKind.Square or WorkerKind.Cube => new LaunchRequest(
            workerExecutable,
            [spec.Kind == WorkerKind.Square ? "square" : "cube", spec.Number!, .. spec.Workload.ToArguments(), ResultsFdArgument])
        {
            WithResults = true,
        },
        WorkerKind.Pool => new LaunchRequest(workerExecutable, ["pool", .. spec.Workload.ToArguments(), ResultsFdArgument])
        {
            WithInput = true,
            WithResults = true,
        },
        _ => new LaunchRequest(spec.CommandLine[0], [.. spec.CommandLine.Skip(1)]),
    };
}
