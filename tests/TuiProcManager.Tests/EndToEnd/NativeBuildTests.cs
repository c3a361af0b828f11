using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.EndToEnd;

/// <summary>
/// The tests that start tuiproc as a process run the NativeAOT build, as users do. This holds the build
/// to that: wherever a native linker is on PATH, the build must have staged it (a silent fallback to
/// the JIT build would let an AOT-only failure through).
/// </summary>
public sealed class NativeBuildTests
{
    [Fact]
    public void WhereALinkerExists_TheTestsRunTheNativeBuild()
    {
        string[] linkers = ["cc", "gcc", "clang"];
        bool linker = linkers.Any(l => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(dir => File.Exists(Path.Combine(dir, l))));

        Assert.True(!linker || File.Exists(Tuiproc.NativeApp), $"a native linker is on PATH but {Tuiproc.NativeApp} was not built");
        if (File.Exists(Tuiproc.NativeApp))
        {
            Assert.Equal([Tuiproc.NativeApp], Tuiproc.Command);
        }
    }

    [Fact]
    public async Task TheBuildTheTestsRun_IsNativeCodeNotADotnetHost_AndAnswers()
    {
        if (!File.Exists(Tuiproc.NativeApp))
        {
            // No linker here (the test above holds that): the JIT build runs, and is what is checked.
            Assert.Equal(0, (await Tuiproc.RunAsync("--version")).Code);
            return;
        }

        byte[] head = new byte[4];
        using (FileStream file = File.OpenRead(Tuiproc.NativeApp))
        {
            file.ReadExactly(head);
        }

        (int code, string stdout, string stderr) = await Tuiproc.RunAsync("--version");

        Assert.Equal(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F' }, head);
        Assert.False(File.Exists(Path.Combine(Path.GetDirectoryName(Tuiproc.NativeApp)!, "tuiproc.dll")), "a tuiproc.dll beside the native build: it would not be the native build that runs");
        Assert.Equal(0, code);
        Assert.Matches(@"^\d+\.\d+", stdout.Trim());
        Assert.Equal("", stderr);
    }
}
