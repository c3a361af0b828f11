using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using TuiProcManager.CommandLine;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Text;

namespace TuiProcManager.Sessions;

/// <summary>
/// <c>tuiproc ctl [NAME] COMMAND</c>: a session's commands from another shell or a script — the same
/// commands the UI sends, decided by the session's supervisor in the order they arrive. Exit codes: 0 done,
/// 1 refused with a reason, 2 bad input, 3 no such session. <c>--json</c> prints the outcome as one JSON object.
/// </summary>
internal static class CtlCommand
{
    /// <summary>The subcommands' names: a first word that is none of them is the session's name.</summary>
    private static readonly string[] Verbs = ["spawn", "pause", "resume", "terminate", "kill", "join", "mode", "slots", "pool", "ps", "end"];

    /// <summary>
    /// <c>ctl NAME COMMAND …</c> as the parser takes it (<c>ctl --session NAME COMMAND …</c>): a session may be
    /// named before the command, and any word that is not a command's name is a session's.
    /// </summary>
    public static string[] Normalize(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args is ["ctl", var first, ..] && !first.StartsWith('-') && !Verbs.Contains(first)
            ? ["ctl", "--session", first, .. args[2..]]
            : args;
    }

    public static Command Create(TextWriter stdout, TextWriter stderr, IExecutableResolver resolver, MachineFacts machine)
    {
        CtlContext context = new(stdout, stderr);
        Command ctl = new("ctl", "Control a running session from another shell or a script: tuiproc ctl [NAME] COMMAND. Exit codes: 0 done, 1 refused (the reason on stderr), 2 bad input, 3 no such session.");
        ctl.Options.Add(context.Session);
        ctl.Options.Add(context.Json);

        WorkerArguments workers = new(resolver);
        Command spawn = new("spawn", "Start workers in the session: square:10 cube:2,3 --cmd 'python3 lesson.py'.");
        workers.AddTo(spawn, requireWorkers: true);
        spawn.SetAction((parsed, _) => context.RunAsync(parsed, c => CtlActions.SpawnAsync(c, workers.Build(parsed))));

        Argument<int> worker = WorkerArgument();
        Command pause = new("pause", "Pause a worker (SIGSTOP to its process group); refused when it is paused already or has ended.") { worker };
        pause.SetAction((parsed, _) => context.RunAsync(parsed, c => CtlActions.PauseAsync(c, parsed.GetValue(worker), pause: true)));
        Command resume = new("resume", "Resume a paused worker (SIGCONT); refused when it is not paused.") { worker };
        resume.SetAction((parsed, _) => context.RunAsync(parsed, c => CtlActions.PauseAsync(c, parsed.GetValue(worker), pause: false)));

        Option<TimeSpan?> grace = Seconds("--grace", "Seconds before SIGKILL (default: the session's grace period, 3 s).");
        Command terminate = new("terminate", "Terminate a worker (p.terminate(): SIGTERM to its group, SIGKILL after the grace period); waits until it has ended.") { worker, grace };
        terminate.SetAction((parsed, _) => context.RunAsync(parsed, c => CtlActions.TerminateAsync(c, parsed.GetValue(worker), parsed.GetValue(grace))));
        Command kill = new("kill", "Kill a worker (p.kill(): SIGKILL to its group).") { worker };
        kill.SetAction((parsed, _) => context.RunAsync(parsed, c => CtlActions.KillAsync(c, parsed.GetValue(worker))));

        Argument<string> which = new("WORKER") { Description = "The worker's ID, or all." };
        which.Validators.Add(r =>
        {
            string text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
            if (text != "all" && !(int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n >= 1))
            {
                r.AddError($"WORKER must be a worker's ID or all, got '{InputText.Shorten(text)}'");
            }
        });
        Option<TimeSpan?> timeout = Seconds("--timeout", "Give up after SECONDS (p.join(timeout)): exit code 1, the worker runs on.");
        Command join = new("join", "Wait until a worker (or all) has ended, as p.join() does.") { which, timeout };
        join.SetAction((parsed, _) => context.RunAsync(parsed, c => CtlActions.JoinAsync(c, parsed.GetValue(which)!, parsed.GetValue(timeout))));

        Argument<string> mode = new("MODE") { Description = "parallel or pause-on-wait." };
        mode.AcceptOnlyFromAmong("parallel", "pause-on-wait");
        Command modeCommand = new("mode", "Change the scheduling mode, live.") { mode };
        modeCommand.SetAction((parsed, _) => context.RunAsync(parsed, c => CtlActions.ModeAsync(c, parsed.GetValue(mode)!)));

        Argument<int> slots = new("N") { Description = "Run slots of pause-on-wait mode (1 to 1,024)." };
        slots.Validators.Add(r => Range(r, "N", 1, 1024));
        Command slotsCommand = new("slots", "Set the run slots of pause-on-wait mode.") { slots };
        slotsCommand.SetAction((parsed, _) => context.RunAsync(parsed, c => CtlActions.SlotsAsync(c, parsed.GetValue(slots))));

        Argument<int> size = new("SIZE") { Description = $"Workers in the pool (1 to {PoolRequest.MaxSizeOn(machine)} on this machine)." };
        size.Validators.Add(r => Range(r, "SIZE", 1, PoolRequest.MaxSizeOn(machine)));
        Argument<string> map = new("KIND:ITEMS") { Description = "What the pool maps: square:1..20, cube:2,3,5." };
        map.Validators.Add(r =>
        {
            if (r.Tokens.Count > 0 && !MapSpecParser.TryParse(r.Tokens[^1].Value, MapSpecParser.MaxInputs, out _, out string? error))
            {
                r.AddError(error);
            }
        });
        Command pool = new("pool", "Start a pool (Pool(SIZE).map) in the session; prints its ID.") { size, map };
        pool.SetAction((parsed, _) => context.RunAsync(parsed, c => CtlActions.PoolAsync(c, parsed.GetValue(size), parsed.GetValue(map)!)));

        Command ps = new("ps", "The session's workers: ID, PID, state, CPU, name, how each ended.");
        ps.SetAction((parsed, _) => context.RunAsync(parsed, CtlActions.PsAsync));
        Command end = new("end", "End the session: every live worker is terminated, then the server exits.") { grace };
        end.SetAction((parsed, _) => context.RunAsync(parsed, c => CtlActions.EndAsync(c, parsed.GetValue(grace))));

        foreach (Command sub in new[] { spawn, pause, resume, terminate, kill, join, modeCommand, slotsCommand, pool, ps, end })
        {
            ctl.Subcommands.Add(sub);
        }

        return ctl;
    }

    private static Argument<int> WorkerArgument()
    {
        Argument<int> worker = new("WORKER") { Description = "The worker's ID (the # column)." };
        worker.Validators.Add(r => Range(r, "WORKER", 1, int.MaxValue));
        return worker;
    }

    private static void Range(ArgumentResult result, string name, int min, int max)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int n) || n < min || n > max)
        {
            result.AddError($"{name} must be a whole number from {min} to {max.ToString("N0", CultureInfo.InvariantCulture)}, got '{InputText.Shorten(text)}'");
        }
    }

    private static Option<TimeSpan?> Seconds(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "SECONDS",
        CustomParser = r =>
        {
            string text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
            if (double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double s) && s >= 0 && s <= 86_400)
            {
                return TimeSpan.FromSeconds(s);
            }

            r.AddError($"{name} takes seconds from 0 to 86,400, got '{InputText.Shorten(text)}'");
            return null;
        },
    };
}
