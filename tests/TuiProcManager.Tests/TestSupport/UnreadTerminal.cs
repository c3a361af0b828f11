using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace TuiProcManager.Tests.TestSupport;

/// <summary>
/// tuiproc on a terminal that never reads what it is sent, as behind a frozen SSH connection: a pseudo
/// terminal (160×40) whose master side nobody reads, so the UI's writes block once the kernel's buffer is
/// full. A small python3 holds the master and waits for the app, then prints its exit status (128 + the
/// signal if one ended it). Disposing kills both.
/// </summary>
internal sealed class UnreadTerminal : IDisposable
{
    private const string Holder = """
        import fcntl, os, pty, struct, sys, termios
        pid, master = pty.fork()
        if pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 160, 0, 0))
            os.execvp(sys.argv[1], sys.argv[1:])
        print(pid, flush=True)
        _, status = os.waitpid(pid, 0)  # the master is never read
        print(os.WEXITSTATUS(status) if os.WIFEXITED(status) else 128 + os.WTERMSIG(status), flush=True)
        """;

    private readonly Process _holder;
    private readonly string _home;

    private UnreadTerminal(Process holder, string home, int appPid)
    {
        _holder = holder;
        _home = home;
        AppPid = appPid;
    }

    public int AppPid { get; }

    public static UnreadTerminal Start(string[] args)
    {
        string home = Directory.CreateTempSubdirectory("tuiproc-unread-").FullName;
        ProcessStartInfo start = new("python3") { RedirectStandardOutput = true, WorkingDirectory = home };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(Holder);
        foreach (string part in Tuiproc.Command)
        {
            start.ArgumentList.Add(part);
        }

        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["XDG_CONFIG_HOME"] = home;
        start.Environment["XDG_STATE_HOME"] = home;
        start.Environment["XDG_RUNTIME_DIR"] = Directory.CreateDirectory(Path.Combine(home, "run")).FullName; // its session, apart from the user's
        start.Environment["TERM"] = "xterm-256color";
        start.Environment["COLORTERM"] = "truecolor";
        start.Environment.Remove("NO_COLOR");
        Process holder = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        int pid = int.Parse(holder.StandardOutput.ReadLine() ?? throw new InvalidOperationException("no PID from the pty holder"), CultureInfo.InvariantCulture);
        return new UnreadTerminal(holder, home, pid);
    }

    /// <summary>True while the app's main (UI) thread is inside write(2): blocked on the full terminal.</summary>
    public bool MainThreadInWrite()
    {
        try
        {
            string syscall = File.ReadAllText($"/proc/{AppPid}/task/{AppPid}/syscall").Split(' ')[0];
            int write = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 64 : 1;
            return syscall == write.ToString(CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>The app's exit status (as the holder saw it in waitpid), or a failure after <paramref name="within"/>.</summary>
    public int WaitForExitStatus(TimeSpan within)
    {
        Task<string?> line = _holder.StandardOutput.ReadLineAsync();
        if (!line.Wait(within) || line.Result is null)
        {
            throw new Xunit.Sdk.XunitException($"tuiproc (PID {AppPid}) did not exit within {within.TotalSeconds} s; state {Tuiproc.State(AppPid)}");
        }

        return int.Parse(line.Result, CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        _ = Tuiproc.TryKill(AppPid);
        try
        {
            _holder.Kill();
        }
        catch (InvalidOperationException)
        {
            // ended already
        }

        _holder.Dispose();
        try
        {
            Directory.Delete(_home, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
