using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using TuiProcManager.Linux.Hosting;

namespace TuiProcManager.Linux.Tests.Hosting;

/// <summary>
/// The question to the terminal on real terminals: tmux's own answer (the test takes the place of the
/// program in a tmux pane, on the pane's tty), and a pty nobody answers, which must cost the timeout and no
/// more. The terminal's settings must come back as they were.
/// </summary>
public sealed partial class TerminalQueryTests : IDisposable
{
    private static readonly byte[] Question = Encoding.ASCII.GetBytes("\u001bP+q524742\u001b\\\u001b[c");
    private readonly string _socket = "tuiproc-query-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8];

    public void Dispose() => _ = Run("tmux", "-L", _socket, "kill-server");

    [Fact]
    public void Ask_Tmux_AnswersDa1AtOnce_AndTheSettingsComeBack()
    {
        Assert.Equal(0, Run("tmux", "-L", _socket, "-f", "/dev/null", "new-session", "-d", "-x", "80", "-y", "24", "sleep 600").Code);
        string tty = Run("tmux", "-L", _socket, "display-message", "-p", "#{pane_tty}").Output.Trim();
        int fd = Open(tty, 2 | 0x100 | 0x80000); // O_RDWR | O_NOCTTY | O_CLOEXEC
        Assert.True(fd >= 0, tty);
        try
        {
            string before = Stty(tty);
            Stopwatch watch = Stopwatch.StartNew();

            byte[]? read = new TerminalQuery(fd, fd, checkTerminal: false).Ask(Question, EndsWithDa1, 5_000);

            Assert.NotNull(read);
            Assert.Matches("^\u001b\\[\\?[0-9;]+c$", Encoding.ASCII.GetString(read)); // tmux 3.3a: DA1 only, no XTGETTCAP
            Assert.True(watch.ElapsedMilliseconds < 2_000, $"{watch.ElapsedMilliseconds} ms: the answer ended the wait");
            Assert.Equal(before, Stty(tty));
        }
        finally
        {
            _ = Close(fd);
        }
    }

    [Fact]
    public void Ask_APtyNobodyAnswers_ReturnsAfterTheTimeout()
    {
        int master = PosixOpenpt(2 | 0x100 | 0x80000);
        Assert.True(master >= 0);
        Assert.Equal(0, Grantpt(master));
        Assert.Equal(0, Unlockpt(master));
        string name = Marshal.PtrToStringUTF8(Ptsname(master))!;
        int slave = Open(name, 2 | 0x100 | 0x80000);
        try
        {
            string before = Stty(name);
            Stopwatch watch = Stopwatch.StartNew();

            byte[]? read = new TerminalQuery(slave, slave, checkTerminal: false).Ask(Question, EndsWithDa1, 200);

            long elapsed = watch.ElapsedMilliseconds;
            Assert.NotNull(read);
            Assert.Empty(read);
            Assert.InRange(elapsed, 190, 1_000);
            Assert.Equal(before, Stty(name));
        }
        finally
        {
            _ = Close(slave);
            _ = Close(master);
        }
    }

    [Fact]
    public void Ask_NotATerminal_AsksNothing()
    {
        // The test host's stdin or stdout is not a terminal (a pipe): nothing is written, null comes back.
        Assert.True(Console.IsInputRedirected || Console.IsOutputRedirected);
        Assert.Null(new TerminalQuery().Ask(Question, EndsWithDa1, 200));
    }

    private static bool EndsWithDa1(byte[] read) => read.Length > 0 && read[^1] == (byte)'c';

    private static string Stty(string tty) => Run("sh", "-c", $"stty -g < {tty}").Output.Trim();

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        using Process process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        string output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(30_000), file);
        return (process.ExitCode, output);
    }

    [LibraryImport("libc", EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "posix_openpt")]
    private static partial int PosixOpenpt(int flags);

    [LibraryImport("libc", EntryPoint = "grantpt")]
    private static partial int Grantpt(int fd);

    [LibraryImport("libc", EntryPoint = "unlockpt")]
    private static partial int Unlockpt(int fd);

    [LibraryImport("libc", EntryPoint = "ptsname")]
    private static partial nint Ptsname(int fd);
}
