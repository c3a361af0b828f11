using System.Diagnostics;
using System.Globalization;

namespace TuiProcManager.Tests.TestSupport;

/// <summary>
/// A user made for one test with useradd (a unique name and a home of its own), removed with userdel -r on
/// disposal, and the real native tuiproc run as that user (setpriv, with a clean environment) from a copy
/// it may execute. Needs root.
/// </summary>
internal sealed class ThrowawayUser : IDisposable
{
    /// <summary>useradd's and userdel's exit code when another one holds the password file's lock.</summary>
    private const int PasswordFileBusy = 10;

    private ThrowawayUser(string name, uint uid, string tuiproc)
    {
        Name = name;
        Uid = uid;
        TuiprocCopy = tuiproc;
    }

    /// <summary>The user's name.</summary>
    public string Name { get; }

    /// <summary>The user's uid.</summary>
    public uint Uid { get; }

    /// <summary>The user as tuiproc's messages name one: "tpu1a2b3c4d (uid 1001)".</summary>
    public string Described => $"{Name} (uid {Uid.ToString(CultureInfo.InvariantCulture)})";

    /// <summary>A copy of the published NativeAOT tuiproc in a folder of its own, both mode 0755: anyone may run it.</summary>
    public string TuiprocCopy { get; }

    /// <summary>The words that run what follows as this user: its uid, its gid and its groups.</summary>
    private string[] Become => ["setpriv", $"--reuid={Name}", $"--regid={Name}", "--init-groups", "--"];

    /// <summary>Makes a new user (and a copy of tuiproc it can run).</summary>
    public static ThrowawayUser Create()
    {
        string name = "tpu" + Guid.NewGuid().ToString("N")[..8];
        (int code, string said) = RunAsRoot("useradd", "--create-home", "--shell", "/usr/sbin/nologin", "--user-group", name);
        Assert.True(code == 0, $"useradd {name} failed ({code}): {said}");
        string tuiproc = NativeBinary.CopyAlone();
        const UnixFileMode Open = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        File.SetUnixFileMode(Path.GetDirectoryName(tuiproc)!, Open);
        File.SetUnixFileMode(tuiproc, Open);
        (int idCode, string uid) = RunAsRoot("id", "-u", name);
        Assert.Equal(0, idCode);
        return new ThrowawayUser(name, uint.Parse(uid.Trim(), CultureInfo.InvariantCulture), tuiproc);
    }

    /// <summary>Runs <c>tuiproc ARGS</c> as this user, to its end, with only <paramref name="environment"/> (and PATH, HOME) set.</summary>
    public async Task<(int Code, string Stdout, string Stderr)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        ProcessStartInfo start = new(Become[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (string word in (string[])[.. Become[1..], "env", "-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", $"HOME=/home/{Name}", .. environment.Select(e => $"{e.Key}={e.Value}"), TuiprocCopy, .. args])
        {
            start.ArgumentList.Add(word);
        }

        using Tuiproc.Running run = new(Process.Start(start)!);
        return await run.EndAsync();
    }

    /// <summary>The words that run <c>tuiproc ARGS</c> as this user with only <paramref name="environment"/> (and PATH, HOME, TERM) set: for a terminal (<see cref="TmuxApp.StartCommand"/>).</summary>
    public IReadOnlyList<string> Command(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        [.. Become, "env", "-i", "PATH=/usr/sbin:/usr/bin:/sbin:/bin", $"HOME=/home/{Name}", "TERM=xterm-256color", .. environment.Select(e => $"{e.Key}={e.Value}"), TuiprocCopy, .. args];

    /// <summary>Runs <paramref name="command"/> as this user (mkdir, ln…); fails the test if it fails.</summary>
    public void Run(params string[] command)
    {
        (int code, string said) = RunAsRoot([.. Become, .. command]);
        Assert.True(code == 0, $"{string.Join(' ', command)} as {Name} failed ({code}): {said}");
    }

    /// <summary>Runs <c>tuiproc ARGS</c> as this user in a terminal of its own (<see cref="InTerminal"/>), to its end.</summary>
    public Task<(int Code, string Output)> RunInTerminalAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        InTerminal.RunAsync(Become, new Dictionary<string, string>(environment) { ["HOME"] = $"/home/{Name}" }, [TuiprocCopy, .. args]);

    public void Dispose()
    {
        // Whatever of the user's still runs (a session server a failed test left, a UI it did not quit) ends
        // first: userdel refuses a user in use, and its refusal would hide the test's own failure.
        _ = RunAsRoot("pkill", "-KILL", "-u", Name);
        for (int i = 0; i < 50 && RunAsRoot("pgrep", "-u", Name).Code == 0; i++)
        {
            Thread.Sleep(100);
        }

        (int code, string said) = RunAsRoot("userdel", "--remove", Name);
        Directory.Delete(Path.GetDirectoryName(TuiprocCopy)!, recursive: true);
        Assert.True(code == 0, $"userdel --remove {Name} failed ({code}): {said}");
    }

    /// <summary>
    /// Runs a command as root to its end; a user administration command is retried while another one
    /// (another test run on this machine) holds the password file's lock, at most 100 times.
    /// </summary>
    private static (int Code, string Said) RunAsRoot(params string[] command)
    {
        for (int attempt = 0; ; attempt++)
        {
            ProcessStartInfo start = new(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string word in command[1..])
            {
                start.ArgumentList.Add(word);
            }

            using Process process = Process.Start(start)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            string errors = process.StandardError.ReadToEnd();
            Assert.True(process.WaitForExit(Tuiproc.Bound), $"{command[0]} did not end");
            if (process.ExitCode != PasswordFileBusy || attempt == 100)
            {
                return (process.ExitCode, output.Result + errors);
            }

            Thread.Sleep(50);
        }
    }
}
