namespace TuiProcManager.Tests.TestSupport;

/// <summary>
/// The published NativeAOT tuiproc the end-to-end checks of the native build copy around: <c>native/tuiproc</c> beside
/// the tests (staged there by the build; see build/). Missing, the test fails and says so: these checks are
/// about the published binary, and passing them on the JIT build would prove nothing.
/// </summary>
internal static class NativeBinary
{
    /// <summary>Where the published binary is expected.</summary>
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "native", "tuiproc");

    /// <summary>The binary's path; fails the test when it is not there.</summary>
    public static string Require()
    {
        Assert.True(File.Exists(Path), $"the published NativeAOT tuiproc is not at {Path}: publish it (dotnet publish src/TuiProcManager -c Release) and stage it there");
        return Path;
    }

    /// <summary>A fresh empty folder holding a copy of the published tuiproc and nothing else; returns the copy's path.</summary>
    public static string CopyAlone()
    {
        string folder = Directory.CreateTempSubdirectory("tuiproc-onefile-").FullName;
        string copy = System.IO.Path.Combine(folder, "tuiproc");
        File.Copy(Require(), copy);
        File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        Assert.Equal(["tuiproc"], Directory.GetFileSystemEntries(folder).Select(System.IO.Path.GetFileName));
        WaitUntilExecutable(copy);
        return copy;
    }

    /// <summary>
    /// Until the copy can be executed: a process this test host forks meanwhile (another test starting one)
    /// holds the copy's write descriptor from fork to exec, and exec of a file open for writing fails with
    /// ETXTBSY ("Text file busy"). Bounded: 250 tries.
    /// </summary>
    private static void WaitUntilExecutable(string copy)
    {
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                using System.Diagnostics.Process probe = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(copy, "--version")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                })!;
                probe.WaitForExit();
                return;
            }
            catch (System.ComponentModel.Win32Exception e) when (e.NativeErrorCode == 26 && attempt < 250) // ETXTBSY
            {
                Thread.Sleep(20);
            }
        }
    }
}
