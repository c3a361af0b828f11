using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TuiProcManager.Composition;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Headless;

namespace TuiProcManager.CommandLine;

/// <summary><c>tuiproc run</c>: the lesson's program, headless.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        WorkerArguments workers = new();
        SchedulingArguments scheduling = new();
        Option<bool> summary = new("--summary")
        {
            Description = "Print the run's summary at the end (makespan; running, waiting and queued time per worker; comparison with one after another and all at once). On by default in pause-on-wait mode.",
        };
        Option<TimeSpan?> timeout = new("--timeout")
        {
            Description = "Join for at most SECONDS; workers still running then are terminated and the exit code is 124.",
            HelpName = "SECONDS",
            CustomParser = ParseSeconds,
        };
        Option<string?> events = new("--events")
        {
            Description = "Write every event of the run to FILE as JSON Lines, one event per line.",
            HelpName = "FILE",
        };

        Command run = new("run", "Run workers without the UI, as the lesson's program does: start them all, print their output as it arrives, join them all, then print Done!");
        workers.AddTo(run, requireWorkers: true);
        scheduling.AddTo(run);
        run.Add(summary);
        run.Add(timeout);
        run.Add(events);
        run.SetAction(async (parsed, _) =>
        {
            if (WorkerExecutable.Problem() is { } problem)
            {
                await stderr.WriteLineAsync("tuiproc: " + problem).ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            await using ServiceProvider services = AppServices.Build();
            ISupervisor supervisor = services.GetRequiredService<ISupervisor>();
            scheduling.Apply(parsed, supervisor);
            HeadlessRunner runner = new(supervisor, stdout, stderr, ConsoleSafety.Detect())
            {
                PrintSummary = parsed.GetValue(summary) || supervisor.Scheduling.Mode == SchedulingMode.PauseOnWait,
            };
            return await runner.RunAsync(workers.Build(parsed), parsed.GetValue(timeout), parsed.GetValue(events)).ConfigureAwait(false);
        });
        return run;
    }

    /// <summary>Seconds, fractions allowed, above 0 and at most a year.</summary>
    private static TimeSpan? ParseSeconds(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) && seconds > 0 && seconds <= 31_536_000)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        result.AddError($"--timeout must be a number of seconds above 0, got '{text}'");
        return null;
    }
}
