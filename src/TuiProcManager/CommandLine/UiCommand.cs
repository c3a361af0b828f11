using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TuiProcManager.Composition;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Headless;
using TuiProcManager.Tui.Hosting;

namespace TuiProcManager.CommandLine;

/// <summary><c>tuiproc [KIND:N …] [--cmd …]</c>: the full-screen UI, optionally with workers started.</summary>
internal static class UiCommand
{
    /// <summary>Where the build copies tuiproc's themes.</summary>
    public static string ThemesDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "themes");

    public static void AddTo(RootCommand root, TextWriter stderr)
    {
        WorkerArguments workers = new();
        workers.AddTo(root, requireWorkers: false);
        Option<string?> theme = new("--theme")
        {
            Description = "The theme to use (and remember), e.g. \"Tuiproc Light\". Press t in the UI to cycle through them.",
            HelpName = "NAME",
        };
        Option<string> colors = new("--colors")
        {
            Description = "auto (24-bit when COLORTERM says so, else 16), true, 16, or none. NO_COLOR turns colour off whatever this says.",
            HelpName = "MODE",
            DefaultValueFactory = _ => "auto",
        };
        colors.AcceptOnlyFromAmong("auto", "true", "16", "none");
        root.Add(theme);
        root.Add(colors);
        root.SetAction(async (parsed, cancellation) =>
        {
            IReadOnlyList<string> names = TuiHost.LoadThemes(ThemesDirectory, out _);
            string? chosen = parsed.GetValue(theme);
            if (chosen is not null && !names.Contains(chosen, StringComparer.OrdinalIgnoreCase))
            {
                await stderr.WriteLineAsync($"tuiproc: unknown theme '{chosen}' (available: {string.Join(", ", names)})").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (Console.IsInputRedirected || Console.IsOutputRedirected)
            {
                await stderr.WriteLineAsync("tuiproc: the UI needs a terminal (stdin and stdout are not one); for a run without the UI use: tuiproc run square:10 cube:10").ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            if (WorkerExecutable.Problem() is { } problem)
            {
                await stderr.WriteLineAsync("tuiproc: " + problem).ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            await using ServiceProvider services = AppServices.Build();
            ISupervisor supervisor = services.GetRequiredService<ISupervisor>();
            using TerminationSignals signals = new(() => KillAll(supervisor));
            TuiOptions options = new()
            {
                ThemesDirectory = ThemesDirectory,
                Theme = chosen,
                Colors = parsed.GetValue(colors) ?? "auto",
                InitialWorkers = workers.Build(parsed),
            };
            int code = TuiHost.Run(supervisor, services.GetRequiredService<IExecutableResolver>(), options, signals.Token);
            return signals.Signal != 0 ? ExitCodes.Signaled(signals.Signal) : code;
        });
    }

    private static void KillAll(ISupervisor supervisor)
    {
        foreach (Core.Events.WorkerInfo w in supervisor.Snapshot())
        {
            supervisor.Kill(w.Worker);
        }
    }
}
