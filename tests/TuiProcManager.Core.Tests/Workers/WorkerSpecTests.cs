using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Workers;

public sealed class WorkerSpecTests
{
    [Fact]
    public void Equality_IsByValue_IncludingTheCommandVector()
    {
        Assert.Equal(WorkerSpec.Command(["a", "b"]), WorkerSpec.Command(["a", "b"]));
        Assert.NotEqual(WorkerSpec.Command(["a", "b"]), WorkerSpec.Command(["a", "c"]));
        Assert.Equal(WorkerSpec.Square("10", new Workload(1, 2, 3)), WorkerSpec.Square("10", new Workload(1, 2, 3)));
    }

    [Fact]
    public void Factories_RefuseWhatTheParserRefuses()
    {
        Assert.Throws<ArgumentException>(() => WorkerSpec.Square("ten"));
        Assert.Throws<ArgumentException>(() => WorkerSpec.Command([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Workload(-1, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Workload(0, Workload.MaxMilliseconds + 1, 0));
    }

    [Fact]
    public void WorkerExit_DescribesItselfAndMapsToPythonExitCodes()
    {
        Assert.Equal(("exit 0", 0), (WorkerExit.Exited(0).ToString(), WorkerExit.Exited(0).PythonExitCode));
        Assert.Equal(("killed by SIGTERM", -15), (WorkerExit.Signaled(15, "SIGTERM").ToString(), WorkerExit.Signaled(15, "SIGTERM").PythonExitCode));
        Assert.Null(WorkerExit.FailedToStart("x").PythonExitCode);
        Assert.False(WorkerExit.Exited(1).Succeeded);
    }
}
