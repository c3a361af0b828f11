using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TuiProcManager.Composition;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Text;
using TuiProcManager.Headless;
using TuiProcManager.Linux;

namespace TuiProcManager.CommandLine;

/// <summary><c>tuiproc run</c>: the lesson's program, headless.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr, IExecutableResolver resolver, MachineFacts machine)
    {
        WorkerArguments workers = new(resolver);
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

        Option<int> pool = IntegerOption.Create(
            "--pool", "N", "Map the specs' inputs over a pool of N long-lived workers (Python's Pool(N).map), e.g. --pool 4 square:1..20. Results print in input order.", PoolRequest.MaxSizeOn(machine), min: 1);
        Option<bool> unordered = new("--unordered")
        {
            Description = "With --pool: print results as they complete (Python's imap_unordered), not in input order.",
        };
        Option<string?> results = new("--results")
        {
            Description = "Write the shared results table (input, result, worker, time) to FILE as JSON at the end.",
            HelpName = "FILE",
        };
        Command run = new("run", "Run workers without the UI, as the lesson's program does: start them all, print their output as it arrives, join them all, then print Done!");
        workers.AddTo(run, requireWorkers: true, pool);
        run.Add(pool);
        run.Add(unordered);
        run.Add(results);
        run.Validators.Add(result =>
        {
            if (result.GetResult(pool) is { Implicit: false } && result.GetResult(workers.Commands) is not null)
            {
                result.AddError("--cmd cannot be used with --pool: a pool maps square or cube over inputs");
            }
            else if (result.GetResult(pool) is not { Implicit: false } && result.GetResult(unordered) is { Implicit: false })
            {
                result.AddError("--unordered needs --pool N");
            }
        });
        scheduling.AddTo(run);
        run.Add(summary);
        run.Add(timeout);
        run.Add(events);
        run.SetAction(async (parsed, _) =>
        {
            if (!RunFiles.TryOpen(parsed.GetValue(events), parsed.GetValue(results), out RunFiles? files, out string? fileError))
            {
                await stderr.WriteLineAsync("tuiproc: " + fileError).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            using RunFiles ownFiles = files; // the runner closes them; this, should anything before it fail
            foreach (string note in files.Notes)
            {
                await stderr.WriteLineAsync("tuiproc: " + note).ConfigureAwait(false);
            }

            if (WorkerExecutable.Problem() is { } problem)
            {
                await stderr.WriteLineAsync("tuiproc: " + problem).ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            await using ServiceProvider services = AppServices.Build();
            Supervisor owned = services.GetRequiredService<Supervisor>();
            ISupervisor supervisor = owned;
            SchedulingMode mode = await scheduling.ApplyAsync(parsed, supervisor).ConfigureAwait(false);
            HeadlessRunner runner = new(supervisor, owned, stdout, stderr, ConsoleSafety.Detect())
            {
                PrintSummary = parsed.GetValue(summary) || mode == SchedulingMode.PauseOnWait,
                MaxLineBytes = services.GetRequiredService<LinuxProcessOptions>().MaxLineBytes,
                Cores = services.GetRequiredService<MachineFacts>().Cores,
            };
            RunOptions options = new(parsed.GetValue(timeout), files);
            if (parsed.GetResult(pool) is not { Implicit: false })
            {
                return await runner.RunAsync(workers.Build(parsed), options).ConfigureAwait(false);
            }

            PoolRequest request = new([.. workers.Maps(parsed).SelectMany(m => m.Tasks)], parsed.GetValue(pool), workers.BuildWorkload(parsed));
            return await runner.RunPoolAsync(request, ordered: !parsed.GetValue(unordered), options).ConfigureAwait(false);
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

        result.AddError($"--timeout must be a number of seconds above 0, got '{InputText.Shorten(text)}'");
        return null;
    }
}
