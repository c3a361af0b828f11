using System.Diagnostics;
using System.Globalization;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.Headless;

/// <summary>
/// Pinned bug: a stray that clears its environment (<c>env -i</c>, so it carries no guard mark) and
/// leaves the session (<c>setsid</c>) survived tuiproc's SIGKILL with PPID 1. Each test starts such strays
/// in the shapes a script makes them, SIGKILLs a real <c>tuiproc run</c>, and searches the whole machine's
/// /proc for the stray by a unique argument (<c>sleep 1002.5NNNNNN</c>), so that a stray re-parented to
/// init is found as surely as one still below its worker.
/// </summary>
public sealed class StraysAfterSigkillTests
{
    /// <summary>How long the guard may take, from tuiproc's SIGKILL to the last stray gone; measured: see the README.</summary>
    private static readonly TimeSpan GoneWithin = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Sigkill_StrayOfARunningWorker_EnvCleared_OwnSession_IsGone()
    {
        // The plainest case: the worker still runs at the SIGKILL, the stray is its child.
        string tag = Tag();
        await AssertGoneAfterSigkillAsync(
            [$"env -i setsid bash -c 'exec sleep {tag}' &", "sleep 1000"],
            [tag]);
    }

    [Fact]
    public async Task Sigkill_StrayOfAnEndedWorker_AdoptedByTuiproc_IsGone()
    {
        // Its worker has ended, so the stray is tuiproc's child (a subreaper); another worker still runs,
        // so the sweeper leaves it alone (it might be that worker's): the guard must still end it.
        string tag = Tag();
        await AssertGoneAfterSigkillAsync(
            // The worker waits for the stray to be sleep: ended earlier, it would leave env or setsid, which
            // still carry the mark (the environment of their exec) and which the sweeper ends at once.
            [$"env -i setsid bash -c 'exec sleep {tag}' &", $"until pgrep -xf 'sleep {tag}' >/dev/null; do sleep 0.05; done", "exit 0"],
            [tag],
            adoptedByTuiproc: true);
    }

    [Fact]
    public async Task Sigkill_StrayAdoptedWhileItsWorkerRuns_IsGone()
    {
        // A subshell that starts it and exits at once: re-parented to tuiproc between two sweeps, with
        // no worker's end to make a sweep look at it.
        string tag = Tag();
        await AssertGoneAfterSigkillAsync(
            [$"(env -i setsid bash -c 'exec sleep {tag}' &)", "sleep 1000"],
            [tag],
            adoptedByTuiproc: true);
    }

    [Fact]
    public async Task Sigkill_DoubleForkedDaemon_EnvCleared_IsGone()
    {
        // A daemon the classic way, from a process that had already cleared its environment and left the
        // session: the middle process exits, the daemon is re-parented to tuiproc.
        string tag = Tag();
        await AssertGoneAfterSigkillAsync(
            [$"env -i setsid bash -c '(sleep {tag} &); exit 0'", "sleep 1000"],
            [tag],
            adoptedByTuiproc: true);
    }

    [Fact]
    public async Task Sigkill_StraysSeveralLevelsDown_AttachedAndAdopted_AreAllGone()
    {
        // Three unmarked levels below a running worker (the "; :" keeps each shell from exec'ing its last
        // command), and a chain whose top was adopted by tuiproc.
        string deep = Tag(), adopted = Tag();
        await AssertGoneAfterSigkillAsync(
            [
                $"env -i setsid bash -c 'bash -c \"bash -c \\\"sleep {deep}; :\\\"; :\"; :' &",
                $"(env -i setsid bash -c 'bash -c \"sleep {adopted}; :\"; :' &)",
                "sleep 1000",
            ],
            [deep, adopted],
            someAdopted: true);
    }

    [Fact]
    public async Task Sigkill_StoppedStrays_AttachedAndAdopted_AreGone()
    {
        // Stopped (SIGSTOP) at the time of the SIGKILL: a stopped process is killed all the same.
        string attached = Tag(), adopted = Tag();
        await AssertGoneAfterSigkillAsync(
            [$"env -i setsid bash -c 'exec sleep {attached}' &", $"(env -i setsid bash -c 'exec sleep {adopted}' &)", "sleep 1000"],
            [attached, adopted],
            stopStrays: true,
            someAdopted: true);
    }

    [Fact]
    public async Task Sigkill_ForkingTreeReparentedToTuiproc_WhileStillForking_IsGone()
    {
        // A bounded fork bomb (63 processes) whose middle processes exit, so that its processes are
        // re-parented to tuiproc, plus one that keeps forking until the end: both must still end.
        string tree = Tag(), forker = Tag();
        await AssertGoneAfterSigkillAsync(
            [
                $"bomb() {{ if [ $1 -gt 0 ]; then (bomb $(($1-1)) &); (bomb $(($1-1)) &); fi; exec sleep {tree}; }}",
                "(bomb 5 &)",
                $"while :; do (sleep {forker} &); sleep 0.05; done &",
                "sleep 1000",
            ],
            [tree, forker],
            atLeast: 63,
            someAdopted: true);
    }

    /// <summary>
    /// Runs the script as a worker of <c>tuiproc run</c> (beside a second worker that only sleeps), waits
    /// until every tag is running (and, with <paramref name="adoptedByTuiproc"/>, is tuiproc's child; with
    /// it or <paramref name="someAdopted"/>, 2.5 s more for the supervisor to report it to the guard),
    /// SIGKILLs tuiproc and asserts that no process with any tag is left on the machine (at least
    /// <paramref name="atLeast"/> with the first tag must have been running).
    /// </summary>
    private static async Task AssertGoneAfterSigkillAsync(string[] script, string[] tags, bool adoptedByTuiproc = false, bool stopStrays = false, int atLeast = 0, bool someAdopted = false)
    {
        using TempFile file = new(".sh", string.Join('\n', script) + "\n");
        using TempFile events = new(".jsonl");
        using Tuiproc.Running run = Tuiproc.Start("run", "--cmd", $"bash {file.Path}", "--cmd", "sleep 1000", "--events", events.Path);
        try
        {
            await Tuiproc.UntilAsync(
                () => tags.All(t => WithArgument(t).Length > 0)
                    && WithArgument(tags[0]).Length >= atLeast
                    && (!adoptedByTuiproc || tags.All(t => WithArgument(t).All(pid => ParentOf(pid) == run.Pid))),
                "the strays running" + (adoptedByTuiproc ? ", re-parented to tuiproc" : ""));
            int[] strays = [.. tags.SelectMany(WithArgument)];
            foreach (int pid in stopStrays ? strays : [])
            {
                Tuiproc.Signal(pid, 19); // SIGSTOP
                await Tuiproc.UntilAsync(() => Tuiproc.State(pid) is 'T' or null, $"stray {pid} stopped");
            }

            // The supervisor tells the guard about an adopted unmarked stray at its next resource sample
            // (once a second while a worker runs) or sweep: give it that, generously. (Killed
            // before that, such a stray is the one case the README's guarantees name as left.)
            await Task.Delay(adoptedByTuiproc || someAdopted ? 2500 : 0);

            Stopwatch clock = Stopwatch.StartNew();
            Tuiproc.Signal(run.Pid, 9);
            while (tags.Any(t => WithArgument(t).Length > 0) && clock.Elapsed < GoneWithin)
            {
                await Task.Delay(5);
            }

            string left = string.Join("; ", tags.SelectMany(WithArgument).Select(Describe));
            Assert.True(left.Length == 0, $"still there {clock.Elapsed.TotalMilliseconds:F0} ms after tuiproc's SIGKILL: {left}");
        }
        finally
        {
            foreach (int pid in tags.SelectMany(WithArgument))
            {
                _ = Tuiproc.TryKill(pid);
            }
        }
    }

    /// <summary>A unique argument for sleep: 1002.5 followed by six random digits (seconds, as sleep reads it).</summary>
    private static string Tag() => "1002.5" + Random.Shared.Next(100_000, 1_000_000).ToString(CultureInfo.InvariantCulture);

    /// <summary>Every live process on the machine with <paramref name="argument"/> as one of its arguments.</summary>
    internal static int[] WithArgument(string argument)
    {
        List<int> found = [];
        foreach (string dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out int pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(dir + "/cmdline").Split('\0').Contains(argument) && Tuiproc.IsAlive(pid))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // gone, or not ours to read
            }
        }

        return [.. found];
    }

    internal static int ParentOf(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static string Describe(int pid) => $"PID {pid} (state {Tuiproc.State(pid)}, PPID {ParentOf(pid)})";
}
