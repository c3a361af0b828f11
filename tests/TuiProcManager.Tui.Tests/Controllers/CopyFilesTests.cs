using System.Diagnostics;
using TuiProcManager.Tui.Controllers;
using TuiProcManager.Tui.Tests.TestSupport;

namespace TuiProcManager.Tui.Tests.Controllers;

/// <summary>
/// Every copy is also a file of the user's alone: a new one (never an existing name, whatever is there), 0600,
/// holding every line; a folder that cannot be used or a full disk is one line, with no half file left.
/// </summary>
public sealed class CopyFilesTests : IDisposable
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly string _root = Directory.CreateTempSubdirectory("tpm-copy-").FullName;

    private static CopyFiles At(string folder) => new(folder, new SetClock(Noon));

    private static string Name(string stem) => stem + "-" + Noon.ToLocalTime().ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Save_NewFile_Mode0600_InA0700Folder_HoldsEveryLine()
    {
        string folder = Path.Combine(_root, "state", "tuiproc", "copies");

        string? path = At(folder).Save("selection", ["one", "", "three ✓"], out string? problem);

        Assert.Null(problem);
        Assert.Equal(Path.Combine(folder, Name("selection") + ".txt"), path);
        Assert.Equal("one\n\nthree ✓\n", File.ReadAllText(path!));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path!));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
    }

    [Fact]
    public void Save_NamesTakenByAFileAFifoAndASymlink_TakesTheNextFreeName_TouchingNoneOfThem()
    {
        string folder = Path.Combine(_root, "copies");
        Directory.CreateDirectory(folder);
        string first = Path.Combine(folder, Name("output") + ".txt");
        File.WriteAllText(first, "theirs");
        Mkfifo(Path.Combine(folder, Name("output") + "-2.txt")); // opened, it would block
        string target = Path.Combine(_root, "elsewhere.txt");
        File.CreateSymbolicLink(Path.Combine(folder, Name("output") + "-3.txt"), target); // a link to nothing: O_EXCL refuses it

        string? path = At(folder).Save("output", ["x"], out string? problem);

        Assert.Null(problem);
        Assert.Equal(Path.Combine(folder, Name("output") + "-4.txt"), path);
        Assert.Equal("theirs", File.ReadAllText(first));
        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Save_FolderUnderARegularFile_OneLineNamingThePath_NoThrow()
    {
        string file = Path.Combine(_root, "state");
        File.WriteAllText(file, "");

        string? path = At(Path.Combine(file, "tuiproc", "copies")).Save("selection", ["x"], out string? problem);

        Assert.Null(path);
        Assert.Equal($"cannot save to {Path.Combine(file, "tuiproc", "copies")}: no such directory", problem); // ENOTDIR, which .NET reports as DirectoryNotFound
    }

    [Fact]
    public void Save_NoHome_SaysSo()
    {
        CopyFiles none = CopyFiles.ForThisUser(_ => null, TimeProvider.System);

        Assert.Null(none.Save("selection", ["x"], out string? problem));
        Assert.Equal("no folder to save it in (neither XDG_STATE_HOME nor HOME is set)", problem);
    }

    [Fact]
    public void ForThisUser_XdgStateHome_ElseHome()
    {
        Assert.Equal("/s/tuiproc/copies", CopyFiles.ForThisUser(v => v == "XDG_STATE_HOME" ? "/s" : "/h", TimeProvider.System).Folder);
        Assert.Equal("/h/.local/state/tuiproc/copies", CopyFiles.ForThisUser(v => v == "HOME" ? "/h" : null, TimeProvider.System).Folder);
        Assert.Equal("/h/.local/state/tuiproc/copies", CopyFiles.ForThisUser(v => v == "HOME" ? "/h" : "relative", TimeProvider.System).Folder);
    }

    [RootFact("mounts a 64 KiB tmpfs to fill")]
    public void Save_DiskFull_SaysNoSpace_AndLeavesNoHalfFile()
    {
        string folder = Path.Combine(_root, "full");
        Directory.CreateDirectory(folder);
        Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", folder);
        try
        {
            string line = new('x', 1023);
            string? path = At(folder).Save("output", [.. Enumerable.Repeat(line, 200)], out string? problem); // 200 KiB

            Assert.Null(path);
            Assert.Equal($"cannot save to {Path.Combine(folder, Name("output") + ".txt")}: no space left on device", problem);
            Assert.Empty(Directory.GetFileSystemEntries(folder));
        }
        finally
        {
            Run("umount", folder);
        }
    }

    private static void Mkfifo(string path) => Run("mkfifo", "-m", "600", path);

    private static void Run(string program, params string[] args)
    {
        using Process p = Process.Start(program, args);
        Assert.True(p.WaitForExit(10_000), program + " did not end");
        Assert.Equal(0, p.ExitCode);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
