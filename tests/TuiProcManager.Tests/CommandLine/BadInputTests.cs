using TuiProcManager.CommandLine;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.CommandLine;

/// <summary>Bad input: one line naming the problem, exit code 2, nothing started.</summary>
public sealed class BadInputTests
{
    public static TheoryData<string[], string> Cases => new()
    {
        { ["run", "square:abc"], "N must be an integer, got 'abc'" },
        { ["run", "square:1e5"], "N must be an integer, got '1e5'" },
        { ["run", "cube:--"], "N must be an integer, got '--'" },
        { ["run", "square:"], "missing N after ':'" },
        { ["run", "hexagon:3"], "unknown worker kind 'hexagon'" },
        { ["run", "square"], "expected KIND:N" },
        { ["run", ":5"], "missing kind before ':'" },
        { ["run", "square:" + new string('9', 120_001)], "N has 120001 digits; at most 120000 are accepted" },
        { ["run", "--bogus", "square:1"], "unknown option '--bogus'" },
        { ["run", "-x", "square:1"], "unknown option '-x'" },
        { ["run"], "nothing to run" },
        { ["run", "square:1", "--steps", "-1"], "--steps must be a whole number from 0 to 1,000,000, got '-1'" },
        { ["run", "square:1", "--steps", "many"], "--steps must be a whole number from 0 to 1,000,000, got 'many'" },
        { ["run", "square:1", "--steps", "1000001"], "--steps must be a whole number" },
        { ["run", "square:1", "--work-ms", "3600001"], "--work-ms must be a whole number from 0 to 3,600,000" },
        { ["run", "square:1", "--wait-ms", "1.5"], "--wait-ms must be a whole number" },
        { ["run", "square:1", "--steps"], "--steps" },
        { ["run", "square:1", "--timeout", "0"], "--timeout must be a number of seconds above 0, got '0'" },
        { ["run", "square:1", "--timeout", "-5"], "--timeout must be a number of seconds above 0" },
        { ["run", "square:1", "--timeout", "soon"], "--timeout must be a number of seconds above 0, got 'soon'" },
        { ["run", "square:1", "--timeout", "NaN"], "--timeout must be a number of seconds above 0, got 'NaN'" },
        { ["run", "--cmd", ""], "empty command" },
        { ["run", "--cmd", "ls | wc -l"], "shell syntax '|'" },
        { ["run", "--cmd", "python3 a.py > out"], "shell syntax '>'" },
        { ["run", "--cmd", "echo 'open"], "unterminated single quote" },
        { ["run", "--cmd", "no-such-program-xyz --flag"], "command not found: no-such-program-xyz" },
        { ["run", "--cmd", "/etc/passwd"], "is not executable" },
        { ["run", "--cmd"], "--cmd" },
        { ["run", "square:1", "--events"], "Required argument missing for option: '--events'" },
        { ["hexagon"], "hexagon" },
        { ["run", "--pool", "4", "square:1.."], "range '1..' needs both ends" },
        { ["run", "--pool", "4", "square:..5"], "range '..5' needs both ends" },
        { ["run", "--pool", "4", "square:5..1"], "range '5..1' is reversed (5 > 1): write 1..5" },
        { ["run", "--pool", "4", "square:1..10000000000"], "range '1..10000000000' has 10,000,000,000 inputs; at most 100,000 are accepted" },
        { ["run", "--pool", "4", "square:1..a"], "must have integer ends" },
        { ["run", "--pool", "4", "square:1...5"], "must have integer ends" },
        { ["run", "--pool", "4", "cube:2,,3"], "empty item in the list" },
        { ["run", "--pool", "4", "cube:2,3,"], "empty item in the list" },
        { ["run", "--pool", "4", "cube:2,x"], "N must be an integer, got 'x'" },
        { ["run", "--pool", "0", "square:1..5"], "--pool must be a whole number from 1 to" },
        { ["run", "--pool", "100000", "square:1..5"], "--pool must be a whole number from 1 to" },
        { ["run", "--pool", "-1", "square:1..5"], "--pool must be a whole number from 1 to" },
        { ["run", "--pool", "4", "--cmd", "true"], "--cmd cannot be used with --pool" },
        { ["run", "--unordered", "square:1..5"], "--unordered needs --pool N" },
        { ["run", "square:1..1001"], "the specs name 1,001 workers; at most 1,000 are started one by one (map over more with --pool N)" },
        { ["run", "square:1..600", "cube:1..600"], "the specs name 1,200 workers" },
        { ["run", "--mode", "turbo", "square:1"], "--mode must be parallel or pause-on-wait, got 'turbo'" },
        { ["run", "--slots", "0", "square:1"], "--slots must be a whole number from 1 to 1,024, got '0'" },
        { ["run", "--slots", "2000", "square:1"], "--slots must be a whole number from 1 to 1,024" },
        { ["run", "--results", "/nonexistent-dir/r.json", "square:1"], "cannot write the results file '/nonexistent-dir/r.json'" },
        { ["--mode", "turbo"], "--mode must be parallel or pause-on-wait, got 'turbo'" },
        { ["--slots", "0"], "--slots must be a whole number from 1 to 1,024" },
        { ["square:x"], "N must be an integer, got 'x'" },
        { ["--theme"], "--theme" },
        { ["--theme", "Nope"], "unknown theme 'Nope' (available: Catppuccin Mocha, Dracula, Gruvbox Dark, Nord, Solarized Dark, Solarized Light, Tuiproc Dark, " },
        { ["--theme", "Nope", "square:1"], "unknown theme 'Nope'" },
        { ["--colors", "88"], "--colors must be auto, true, 256, 16 or none, got '88'" },

        // Sessions: every new command, before anything connects.
        { ["--session", "a b"], "'a b' is not a session name: use 1 to 32 letters, digits, '.', '_' or '-', starting with a letter or a digit" },
        { ["--session", "../x"], "'../x' is not a session name" },
        { ["--session", new string('s', 33)], "is not a session name" },
        { ["--linger", "5x"], "--linger takes a whole number of seconds, minutes or hours (90s, 30m, 2h; at most 168h) or never, got '5x'" },
        { ["--linger", "0s"], "--linger takes a whole number" },
        { ["--linger", "200h"], "--linger takes a whole number" },
        { ["attach", "a/b/c"], "'b/c' is not a session name" },
        { ["attach", "x", "y"], "Unrecognized command or argument 'y'" },
        { ["events", "--bogus"], "'--bogus' is not a session name" },
        { ["events", ".hidden"], "'.hidden' is not a session name" },
        { ["ls", "--bogus"], "unknown option '--bogus'" },
        { ["ctl"], "Required command was not provided" },
        { ["ctl", "x", "frobnicate"], "Unrecognized command or argument 'frobnicate'" },
        { ["ctl", "a/b/c", "ps"], "'b/c' is not a session name" },
        { ["attach", "-u/1"], "'-u' is not a user's name" },
        { ["ctl", "x", "pause"], "Required argument 'WORKER' missing for command: 'pause'" },
        { ["ctl", "x", "pause", "abc"], "WORKER must be a whole number from 1 to" },
        { ["ctl", "x", "kill", "0"], "WORKER must be a whole number from 1 to 2,147,483,647, got '0'" },
        { ["ctl", "x", "join", "some"], "WORKER must be a worker's ID or all, got 'some'" },
        { ["ctl", "x", "join", "1", "--timeout", "-1"], "--timeout takes seconds from 0 to 86,400, got '-1'" },
        { ["ctl", "x", "terminate", "1", "--grace", "soon"], "--grace takes seconds from 0 to 86,400, got 'soon'" },
        { ["ctl", "x", "mode", "turbo"], "turbo" },
        { ["ctl", "x", "slots", "0"], "N must be a whole number from 1 to 1,024, got '0'" },
        { ["ctl", "x", "pool", "0", "square:1..5"], "SIZE must be a whole number from 1 to" },
        { ["ctl", "x", "pool", "2", "square:5..1"], "range '5..1' is reversed" },
        { ["ctl", "x", "spawn"], "nothing to run" },
        { ["ctl", "x", "spawn", "square:abc"], "N must be an integer, got 'abc'" },

        // Out of range: negative or past the limit, for every number the command line takes.
        { ["run", "square:1", "--work-ms", "-1"], "--work-ms must be a whole number from 0 to 3,600,000, got '-1'" },
        { ["run", "square:1", "--wait-ms", "-1"], "--wait-ms must be a whole number from 0 to 3,600,000, got '-1'" },
        { ["run", "square:1", "--wait-ms", "3600001"], "--wait-ms must be a whole number from 0 to 3,600,000, got '3600001'" },
        { ["run", "square:1", "--work-ms", "99999999999"], "--work-ms must be a whole number from 0 to 3,600,000, got '99999999999'" },
        { ["run", "square:1", "--work-ms", "+5"], "--work-ms must be a whole number" },
        { ["run", "square:1", "--slots", "-1"], "--slots must be a whole number from 1 to 1,024, got '-1'" },
        { ["run", "square:1", "--timeout", "-0.5"], "--timeout must be a number of seconds above 0, got '-0.5'" },
        { ["run", "square:1", "--timeout", "31536001"], "--timeout must be a number of seconds above 0, got '31536001'" },
        { ["run", "square:1", "--timeout", "Infinity"], "--timeout must be a number of seconds above 0, got 'Infinity'" },
        { ["run", "--pool", "4", "square:-5..-10"], "range '-5..-10' is reversed (-5 > -10): write -10..-5" },
        { ["--work-ms", "-1"], "--work-ms must be a whole number from 0 to 3,600,000, got '-1'" },
        { ["--wait-ms", "-1"], "--wait-ms must be a whole number from 0 to 3,600,000, got '-1'" },
        { ["--steps", "-1"], "--steps must be a whole number from 0 to 1,000,000, got '-1'" },

        // Sizes: what exec would refuse (E2BIG) is refused before anything starts, naming the argument and the limit.
        { ["run", "--cmd", "echo " + new string('a', 10 * 1024 * 1024)], $"the value of --cmd ('echo {new string('a', 32)}...') is 10,485,765 bytes; at most 131,071 are accepted (Linux's limit for one argument, MAX_ARG_STRLEN)" },
        { ["--cmd", "echo " + new string('a', 10 * 1024 * 1024)], $"the value of --cmd ('echo {new string('a', 32)}...') is 10,485,765 bytes" },
        { ["run", "square:" + new string('7', 10 * 1024 * 1024)], $"('square:{new string('7', 30)}...') is 10,485,767 bytes; at most 131,071 are accepted" },
        { ["run", "--cmd", "echo " + new string('é', 65_536)], "is 131,077 bytes; at most 131,071 are accepted" }, // bytes, not characters
        { ["run", .. Enumerable.Repeat("square:" + new string('9', 100_000), 11)], "bytes; at most 1,048,576 are accepted (Linux's ARG_MAX, shared with the environment)" },
        { ["run", "--cmd", "echo a\0b"], "the value of --cmd ('echo a^@b') contains a NUL character, which no program argument can hold" },
        { ["run", "--theme-of-" + new string('x', 1_000_000)], "argument " },

        // Long text is quoted short, on one line.
        { ["run", "square:1", "--steps", new string('5', 50_000)], $"--steps must be a whole number from 0 to 1,000,000, got '{new string('5', 37)}...'" },
        { ["run", "square:1\nsquare:2"], "N must be an integer, got '1^Jsquare:2'" },
        { ["--theme", "No\u001b]0;pwned\u0007pe"], "unknown theme 'No^[]0;pwned^Gpe'" },

        // replay: a recording, or refused in one line.
        { ["replay"], "replay" },
        { ["replay", "/no/such/recording"], "no recording at /no/such/recording: no such file or directory" },
        { ["replay", "/etc/passwd"], "/etc/passwd is not a tuiproc recording: passwd: its first bytes are not a tuiproc recording's" },
        { ["replay", "/etc"], "/etc is not a tuiproc recording: it holds no segment" },
        { ["replay", "no-such-session-xyz"], "no recording of a session no-such-session-xyz in " },
        { ["replay", "a/b"], "no recording at a/b: no such file or directory" },
        { ["replay", "x", "--speed", "0"], "--speed must be a number from 0.01 to 1000 (1 plays as recorded), got '0'" },
        { ["replay", "x", "--speed", "fast"], "--speed must be a number from 0.01 to 1000 (1 plays as recorded), got 'fast'" },
        { ["replay", "x", "--speed", "NaN"], "--speed must be a number from 0.01 to 1000" },
        { ["replay", "x", "--speed", "1e9"], "--speed must be a number from 0.01 to 1000" },

        // Files: refused before anything starts, also for root.
        { ["run", "--events", "/tmp", "square:1"], "cannot write the events file '/tmp': it is a directory" },
        { ["run", "--results", "/tmp", "square:1"], "cannot write the results file '/tmp': it is a directory" },
        { ["run", "--results", "/etc/passwd/r.json", "square:1"], "cannot write the results file '/etc/passwd/r.json'" },
        { ["run", "--results", "/sys/tuiproc-r.json", "square:1"], "cannot write the results file '/sys/tuiproc-r.json'" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadInput_OneLineExitTwoNothingStarted(string[] args, string expected)
    {
        using TempFile events = new(".jsonl");
        StringWriter stdout = new(), stderr = new();

        // --events goes first, so that it cannot change how the rest parses (e.g. "--steps" missing its value).
        string[] withEvents = args is ["run", .. var rest] && !rest.Contains("--events") ? ["run", "--events", events.Path, .. rest] : args;
        int code = await TuiprocCommand.InvokeAsync(withEvents, stdout, stderr);

        string error = stderr.ToString();
        Assert.Equal(2, code);
        Assert.Equal("", stdout.ToString());
        Assert.StartsWith("tuiproc: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(1, error.Count(c => c == '\n'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(events.Path), "a bad command must not start anything, not even its events file");
    }

    /// <summary>
    /// The cases a shell could pass to a process: not those with a NUL (an exec argument ends at one) or an
    /// argument of 128 KiB or more (the kernel refuses the exec, E2BIG): those reach tuiproc only in-process.
    /// </summary>
    public static TheoryData<string[], string> ProcessCases()
    {
        TheoryData<string[], string> cases = [];
        foreach (object[] row in Cases)
        {
            string[] args = (string[])row[0];
            if (!args.Any(a => a.Contains('\0', StringComparison.Ordinal) || System.Text.Encoding.UTF8.GetByteCount(a) >= 128 * 1024))
            {
                cases.Add(args, (string)row[1]);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(ProcessCases))]
    public async Task BadInput_TheBuildUsersRun_OneLineExitTwoNothingStarted(string[] args, string expected)
    {
        // The same table against tuiproc as a process: the NativeAOT build (TestSupport.Tuiproc.Command),
        // where a message or a parse path that needs something trimmed away would show.
        using TempFile events = new(".jsonl");
        string[] withEvents = args is ["run", .. var rest] && !rest.Contains("--events") ? ["run", "--events", events.Path, .. rest] : args;

        (int code, string stdout, string error) = await Tuiproc.RunAsync(withEvents);

        Assert.True(code == 2, $"exit {code}: {error}");
        Assert.Equal("", stdout);
        Assert.StartsWith("tuiproc: ", error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Equal(1, error.Count(c => c == '\n'));
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        Assert.False(File.Exists(events.Path), "a bad command must not start anything, not even its events file");
    }

    [Fact]
    public async Task EventsFileThatCannotBeWritten_OneLineExitTwo()
    {
        StringWriter stdout = new(), stderr = new();

        int code = await TuiprocCommand.InvokeAsync(["run", "square:1", "--events", "/nonexistent-dir/events.jsonl"], stdout, stderr);

        Assert.Equal(2, code);
        Assert.StartsWith("tuiproc: cannot write the events file '/nonexistent-dir/events.jsonl'", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, stderr.ToString().Count(c => c == '\n'));
    }

    [Fact]
    public async Task Ui_WithoutATerminal_SaysSoAndSuggestsRun()
    {
        // The test host's stdin and stdout are not a terminal, as under a pipe or cron.
        StringWriter stdout = new(), stderr = new();

        Assert.Equal(2, await TuiprocCommand.InvokeAsync(["square:10"], stdout, stderr));
        Assert.Equal("tuiproc: the UI needs a terminal (stdin and stdout are not one); for a run without the UI use: tuiproc run square:10 cube:10\n", stderr.ToString().ReplaceLineEndings("\n"));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("run", "--help")]
    public async Task Help_ExitsZeroAndShowsRun(params string[] args)
    {
        StringWriter stdout = new(), stderr = new();

        Assert.Equal(0, await TuiprocCommand.InvokeAsync(args, stdout, stderr));
        Assert.Contains("run", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal("", stderr.ToString());
    }
}
