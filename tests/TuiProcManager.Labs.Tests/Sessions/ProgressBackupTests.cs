using System.Diagnostics;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Labs.Tests.TestSupport;
using TuiProcManager.Linux.Files;

namespace TuiProcManager.Labs.Tests.Sessions;

/// <summary>
/// A progress file that cannot be used is kept, never replaced. Pinned: a second corruption moved the
/// new broken file over the first <c>.broken</c> (File.Move with overwrite), and a progress file that was a
/// FIFO would have blocked the read for ever.
/// </summary>
public sealed class ProgressBackupTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("tuiproc-backup-").FullName;
    private readonly ProgressStore _store;
    private readonly string _path;

    public ProgressBackupTests()
    {
        _store = new ProgressStore(RegularFileReader.Instance, Path.Combine(_root, "labs"));
        Directory.CreateDirectory(_store.Directory!);
        _path = _store.PathOf("1")!;
    }

    [Fact]
    public void Load_TwoCorruptionsInARow_KeepBothBackups_EachNamedInItsMessage()
    {
        File.WriteAllText(_path, "first corruption");
        Assert.Null(_store.Load("1", out string? first));
        Assert.Null(_store.Save("1", Progress()));
        File.WriteAllText(_path, "second corruption");
        Assert.Null(_store.Load("1", out string? second));

        Assert.Equal($"progress file {_path}: not valid JSON (line 1); it was kept as {_path}.broken and the lab starts over", first);
        Assert.Equal($"progress file {_path}: not valid JSON (line 1); it was kept as {_path}.broken-2 and the lab starts over", second);
        Assert.Equal("first corruption", File.ReadAllText(_path + ".broken"));
        Assert.Equal("second corruption", File.ReadAllText(_path + ".broken-2"));
    }

    [Fact]
    public void Load_ABackupNameTakenByADanglingLink_IsNotReplacedEither()
    {
        File.CreateSymbolicLink(_path + ".broken", Path.Combine(_root, "nowhere"));
        File.WriteAllText(_path, "{");

        Assert.Null(_store.Load("1", out string? problem));

        Assert.EndsWith($"kept as {_path}.broken-2 and the lab starts over", problem, StringComparison.Ordinal);
        Assert.Equal(Path.Combine(_root, "nowhere"), new FileInfo(_path + ".broken").LinkTarget);
    }

    [Fact]
    public async Task Load_AFifoInsteadOfProgress_ReturnsAtOnce_AndTheFifoIsKeptAside()
    {
        Run("mkfifo", _path);

        Task<string?> load = Task.Run(() => { _store.Load("1", out string? problem); return problem; });

        string? problem = await load.WaitAsync(TimeSpan.FromSeconds(5)); // a TimeoutException: still blocked on the FIFO
        Assert.Equal($"progress file {_path}: a FIFO, not a regular file; it was kept as {_path}.broken and the lab starts over", problem);
        Assert.Null(_store.Save("1", Progress()));
        Assert.NotNull(_store.Load("1", out string? none));
        Assert.Null(none);
    }

    [Fact]
    public void Load_AFileLargerThanTheLimit_IsKeptAside()
    {
        File.WriteAllBytes(_path, new byte[ProgressStore.MaxBytes + 1]);

        Assert.Null(_store.Load("1", out string? problem));

        Assert.Equal($"progress file {_path}: larger than 1 MiB; it was kept as {_path}.broken and the lab starts over", problem);
        Assert.Equal(ProgressStore.MaxBytes + 1, new FileInfo(_path + ".broken").Length);
    }

    [Fact]
    public void Load_WithEveryBackupNameTaken_LeavesTheFile_AndSaveDoesNotWriteOverIt()
    {
        foreach (string backup in ProgressStore.BackupNames(_path))
        {
            File.WriteAllText(backup, "an older corruption");
        }

        File.WriteAllText(_path, "the newest corruption");

        Assert.Null(_store.Load("1", out string? problem));
        string? refused = _store.Save("1", Progress());

        Assert.Equal(
            $"progress file {_path}: not valid JSON (line 1); {ProgressStore.MaxBackups} backups ({_path}.broken…) are kept already; remove those you no longer need. It is left as it is and not saved over: the lab starts over, unsaved",
            problem);
        Assert.Equal($"lab progress is not saved: {_path} could not be moved aside, and is not written over; move it away and the next step is saved", refused);
        Assert.Equal("the newest corruption", File.ReadAllText(_path));
        Assert.Equal(ProgressStore.MaxBackups, Directory.GetFiles(_store.Directory!, "1.json.broken*").Length);
    }

    [Fact]
    public async Task Save_OverALeftoverTemporaryThatIsAFifo_DoesNotBlock()
    {
        Run("mkfifo", _path + ".tmp");

        Task<string?> save = Task.Run(() => _store.Save("1", Progress()));

        Assert.Null(await save.WaitAsync(TimeSpan.FromSeconds(5))); // a TimeoutException: still blocked on the FIFO
        Assert.NotNull(_store.Load("1", out _));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static LabProgress Progress() => new LabSession(TestLabs.FourSteps, null, DateTimeOffset.UnixEpoch, 2).Progress(DateTimeOffset.UnixEpoch);

    private static void Run(string program, params string[] args)
    {
        using Process process = Process.Start(program, args);
        Assert.True(process.WaitForExit(10_000), $"{program} ended");
        Assert.Equal(0, process.ExitCode);
    }
}
