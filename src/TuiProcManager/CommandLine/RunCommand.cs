using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using TuiProcManager.Composition;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Headless;

namespace TuiProcManager.CommandLine;

/// <summary><c>tuiproc run</c>: the lesson's program, headless.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        WorkerArguments workers = new();
        Option<double?> timeout = new("--timeout")
        {
            Description = "Join for at most SECONDS; workers still running then are terminated and the exit code is 124.",
            HelpName = "SECONDS",
        };
        timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is { } s && !(s > 0 && s <= 31_536_000))
            {
                result.AddError($"--timeout must be a number of seconds above 0, got '{s.ToString(CultureInfo.InvariantCulture)}'");
            }
        });
        Option<string?> events = new("--events")
        {
            Description = "Write every event of the run to FILE as JSON Lines, one event per line.",
            HelpName = "FILE",
        };

        Command run = new("run", "Run workers without the UI, as the lesson's program does: start them all at once, print their output as it arrives, join them all, then print Done!");
        workers.AddTo(run);
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
            HeadlessRunner runner = new(services.GetRequiredService<ISupervisor>(), stdout, stderr, ConsoleSafety.Detect());
            double? seconds = parsed.GetValue(timeout);
            return await runner.RunAsync(
                workers.Build(parsed),
                seconds is { } s ? TimeSpan.FromSeconds(s) : null,
                parsed.GetValue(events)).ConfigureAwait(false);
        });
        return run;
    }
}
