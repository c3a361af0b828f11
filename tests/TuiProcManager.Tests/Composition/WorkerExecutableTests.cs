using TuiProcManager.Composition;

namespace TuiProcManager.Tests.Composition;

/// <summary>
/// Which program the workers are: a native tuiproc-worker beside tuiproc (the publish), else worker/tuiproc-worker
/// (the build's staging), else a native tuiproc itself, started as tuiproc-worker, else a JIT worker beside it;
/// never a JIT tuiproc as the worker.
/// </summary>
public sealed class WorkerExecutableTests : IDisposable
{
    private readonly string _app = Directory.CreateTempSubdirectory("tuiproc-worker-choice-").FullName;

    public void Dispose() => Directory.Delete(_app, recursive: true);

    private string Put(string relative)
    {
        string path = Path.Combine(_app, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "");
        return path;
    }

    [Fact]
    public void WorkerBesideTheApp_IsChosenFirst()
    {
        string native = Put("tuiproc");
        string beside = Put("tuiproc-worker");
        Put("worker/tuiproc-worker");

        Assert.Equal((beside, (string?)null), WorkerExecutable.Choose(_app, native));
    }

    [Fact]
    public void StagedWorker_IsChosen_WhenNoneIsBeside()
    {
        string native = Put("tuiproc");
        string staged = Put("worker/tuiproc-worker");

        Assert.Equal((staged, (string?)null), WorkerExecutable.Choose(_app, native));
    }

    [Fact]
    public void NativeAppAlone_IsItsOwnWorker_StartedAsTuiprocWorker()
    {
        string native = Put("tuiproc");

        Assert.Equal((native, (string?)"tuiproc-worker"), WorkerExecutable.Choose(_app, native));
    }

    [Fact]
    public void JitWorkerBesideTheApp_ComesAfterTheStagedOne_AndAfterANativeAppItself()
    {
        string native = Put("tuiproc");
        string beside = Put("tuiproc-worker");
        Put("tuiproc-worker.dll"); // the JIT apphost the build copies beside the app with the referenced worker
        string staged = Put("worker/tuiproc-worker");

        Assert.Equal((staged, (string?)null), WorkerExecutable.Choose(_app, native));
        File.Delete(staged);
        Assert.Equal((native, (string?)"tuiproc-worker"), WorkerExecutable.Choose(_app, native));
        Put("tuiproc.dll");
        Assert.Equal((beside, (string?)null), WorkerExecutable.Choose(_app, native));
    }

    [Fact]
    public void JitAppAlone_IsNeverTheWorker_TheMissingStagedWorkerIsNamed()
    {
        string apphost = Put("tuiproc");
        Put("tuiproc.dll");

        Assert.Equal((Path.Combine(_app, "worker", "tuiproc-worker"), (string?)null), WorkerExecutable.Choose(_app, apphost));
        Assert.Equal((Path.Combine(_app, "worker", "tuiproc-worker"), (string?)null), WorkerExecutable.Choose(_app, "/usr/bin/dotnet"));
    }
}
