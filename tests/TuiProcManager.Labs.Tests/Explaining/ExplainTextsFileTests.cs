using System.Diagnostics;
using TuiProcManager.Labs.Explaining;
using TuiProcManager.Labs.Format;
using TuiProcManager.Linux.Files;

namespace TuiProcManager.Labs.Tests.Explaining;

/// <summary>
/// The Explain texts (and a lab file, read the same way) are read only from a regular file of at most
/// 1 MiB; anything else is one line naming the file, at once. Pinned: a FIFO in their place would have
/// blocked the UI's start for ever, a link to /dev/zero filled memory.
/// </summary>
public sealed class ExplainTextsFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tuiproc-explain-").FullName;

    [Fact]
    public async Task Load_AFifoWithNoWriter_IsRefusedAtOnce()
    {
        string path = Path.Combine(_dir, "explain.json");
        using (Process mkfifo = Process.Start("mkfifo", [path]))
        {
            await mkfifo.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }

        Task<string> load = Task.Run(() => Assert.Throws<LabFormatException>(() => ExplainTexts.Load(RegularFileReader.Instance, path)).Message);

        Assert.Equal($"{path}: a FIFO, not a regular file", await load.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal($"{path}: a FIFO, not a regular file", Assert.Throws<LabFormatException>(() => LabReader.Load(RegularFileReader.Instance, path)).Message);
    }

    [Fact]
    public void Load_ALinkToDevZero_ADirectory_A100MegabyteFile_AreRefused()
    {
        string zero = Path.Combine(_dir, "zero.json"), dir = Directory.CreateDirectory(Path.Combine(_dir, "dir.json")).FullName, big = Path.Combine(_dir, "big.json");
        File.CreateSymbolicLink(zero, "/dev/zero");
        using (FileStream file = new(big, FileMode.CreateNew))
        {
            file.SetLength(100L * 1024 * 1024);
        }

        Assert.Equal($"{zero}: a character device, not a regular file", Assert.Throws<LabFormatException>(() => ExplainTexts.Load(RegularFileReader.Instance, zero)).Message);
        Assert.Equal($"{dir}: a directory, not a regular file", Assert.Throws<LabFormatException>(() => ExplainTexts.Load(RegularFileReader.Instance, dir)).Message);
        Assert.Equal($"{big}: larger than 1 MiB", Assert.Throws<LabFormatException>(() => ExplainTexts.Load(RegularFileReader.Instance, big)).Message);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
