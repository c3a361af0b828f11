using System.Diagnostics;
using System.Globalization;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// <c>class</c>: a teacher's class view of a class of shared sessions on this machine (issue 17's goals: 100
/// sessions of 10 workers; the view refreshes at least once a second using at most 5% of a core; opening one
/// student's view within 300 ms). A student user is made for the run (useradd: needs root), starts the
/// sessions detached (10 sleeping workers each) and shares each with root; root runs <c>tuiproc class</c> in
/// a 200×50 tmux terminal.
/// </summary>
/// <remarks>
/// Measured: the class view's CPU (utime + stime from /proc) over the seconds asked, after a warm-up; how
/// many times its screen changed in that time (each row's "ago" ticks, so a refresh changes the screen); the
/// time from Enter to the spectator's header on screen (tmux polled every 10 ms, so that figure includes up to
/// 10 ms of polling), then Esc back to the class, rounds interleaved down the rows; and <c>class --json</c>'s
/// wall time, which connects to every session anew.
/// </remarks>
internal static class ClassBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        int sessions = Args.Int(args, "--sessions", 100);
        int workers = Args.Int(args, "--workers", 10);
        int seconds = Args.Int(args, "--seconds", 20);
        int rounds = Args.Int(args, "--rounds", 10);
        if (Environment.UserName != "root")
        {
            Console.Error.WriteLine("class: needs root (it makes a student user with useradd)");
            return 2;
        }

        string shared = Directory.CreateTempSubdirectory("tuiproc-class-bench-").FullName;
        File.SetUnixFileMode(shared, (UnixFileMode)Convert.ToInt32("1777", 8)); // as /tmp: the student makes its directory here
        using Student student = Student.Create(shared);
        try
        {
            Stopwatch starting = Stopwatch.StartNew();
            string[] specs = [.. Enumerable.Range(0, workers).SelectMany(_ => (string[])["--cmd", "sleep 3600"])];
            for (int i = 1; i <= sessions; i++)
            {
                student.Run(["--session", $"c{i}", "--detached", .. specs]);
                student.Run("share", $"c{i}", "--with", "root");
            }

            Console.WriteLine($"class: {sessions} sessions of {workers} sleeping workers, shared with root by {student.Name}: started in {starting.Elapsed.TotalSeconds:0.0} s");
            string[] environment = [$"TUIPROC_SHARED_DIR={shared}"];

            TimedRun json = TimedRun.Of(AppUnderTest.Path, ["class", "--json"], s => s.Environment["TUIPROC_SHARED_DIR"] = shared);
            int rows = json.Lines.Count(l => l.Length > 0);
            Console.WriteLine($"class --json: {rows} rows in {json.WallMs:0} ms wall, {json.CpuMs:0} ms CPU (a connection to every session, made anew)");

            using TmuxSession view = new([AppUnderTest.Path, "class"], 200, 50, environment);
            if (!view.WaitUntil(s => s.Contains($"{sessions} sessions, {sessions} with workers alive", StringComparison.Ordinal), TimeSpan.FromSeconds(30)))
            {
                throw new InvalidOperationException("the class view did not show every session:\n" + view.Screen());
            }

            await Task.Delay(TimeSpan.FromSeconds(3)); // its connections made, its first garbage collected
            int pid = view.Pid;
            double before = ProcStat.CpuSeconds(pid);
            Stopwatch watch = Stopwatch.StartNew();
            int changes = 0;
            string last = view.Screen();
            while (watch.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                await Task.Delay(250);
                string now = view.Screen();
                changes += now == last ? 0 : 1;
                last = now;
            }

            double cpu = (ProcStat.CpuSeconds(pid) - before) / watch.Elapsed.TotalSeconds * 100;
            Console.WriteLine($"class view, {sessions} sessions: {cpu:0.00}% of a core over {watch.Elapsed.TotalSeconds:0} s; its screen changed {changes} times ({changes / watch.Elapsed.TotalSeconds:0.00}/s, polled 4/s; rows refresh once a second)");

            List<double> open = [];
            for (int round = 0; round < rounds; round++)
            {
                view.Keys("Down");
                await Task.Delay(300);
                long t0 = Stopwatch.GetTimestamp();
                view.Keys("Enter");
                if (!view.WaitUntil(s => s.Contains("(read-only)", StringComparison.Ordinal), TimeSpan.FromSeconds(10)))
                {
                    throw new InvalidOperationException("the student's view did not open:\n" + view.Screen());
                }

                open.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                view.Keys("Escape");
                if (!view.WaitUntil(s => s.Contains("tuiproc class here", StringComparison.Ordinal), TimeSpan.FromSeconds(10)))
                {
                    throw new InvalidOperationException("Esc did not come back to the class:\n" + view.Screen());
                }

                await Task.Delay(500);
            }

            Console.WriteLine($"opening a student's view (Enter to its header on screen): median {Stats.Median(open):0} ms, worst {open.Max():0} ms, best {open.Min():0} ms over {rounds} rounds ({string.Join(", ", open.Select(o => o.ToString("0", CultureInfo.InvariantCulture)))})");
            return 0;
        }
        finally
        {
            student.EndAll();
            Directory.Delete(shared, recursive: true);
        }
    }

    /// <summary>The student: a user made for the run, and the tuiproc it runs (a copy it may execute).</summary>
    private sealed class Student : IDisposable
    {
        private readonly string _copy;
        private readonly string _shared;

        private Student(string name, string copy, string shared)
        {
            Name = name;
            _copy = copy;
            _shared = shared;
        }

        public string Name { get; }

        public static Student Create(string shared)
        {
            string name = "tpb" + Guid.NewGuid().ToString("N")[..8];
            Must("useradd", "--create-home", "--shell", "/usr/sbin/nologin", "--user-group", name);
            string directory = Directory.CreateTempSubdirectory("tuiproc-class-app-").FullName;
            string copy = Path.Combine(directory, "tuiproc");
            File.Copy(AppUnderTest.Path, copy);
            UnixFileMode open = (UnixFileMode)Convert.ToInt32("755", 8);
            File.SetUnixFileMode(directory, open);
            File.SetUnixFileMode(copy, open);
            return new Student(name, copy, shared);
        }

        public void Run(params string[] args) =>
            Must(["setpriv", $"--reuid={Name}", $"--regid={Name}", "--init-groups", "--", "env", "-i", "PATH=/usr/bin:/bin", $"HOME=/home/{Name}", $"TUIPROC_SHARED_DIR={_shared}", _copy, .. args]);

        /// <summary>Every process of the student's ends (its servers end their workers on SIGTERM).</summary>
        public void EndAll()
        {
            _ = Try("pkill", "-TERM", "-u", Name);
            for (int i = 0; i < 100 && Try("pgrep", "-u", Name) == 0; i++)
            {
                Thread.Sleep(100);
            }

            _ = Try("pkill", "-KILL", "-u", Name);
        }

        public void Dispose()
        {
            EndAll();
            Thread.Sleep(200);
            _ = Try("userdel", "--remove", Name);
            Directory.Delete(Path.GetDirectoryName(_copy)!, recursive: true);
        }

        private static void Must(params string[] command)
        {
            if (Try(command, out string said) is int code and not 0)
            {
                throw new InvalidOperationException($"{string.Join(' ', command)} failed ({code}): {said}");
            }
        }

        private static int Try(params string[] command) => Try(command, out _);

        private static int Try(string[] command, out string said)
        {
            ProcessStartInfo start = new(command[0]) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string word in command[1..])
            {
                start.ArgumentList.Add(word);
            }

            using Process process = Process.Start(start)!;
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            said = process.StandardError.ReadToEnd() + output.Result;
            process.WaitForExit();
            return process.ExitCode;
        }
    }
}
