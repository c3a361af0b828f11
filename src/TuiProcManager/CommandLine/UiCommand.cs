using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TuiProcManager.Composition;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Text;
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
        SchedulingArguments scheduling = new();
        scheduling.AddTo(root);
        Option<string?> theme = new("--theme")
        {
            Description = "The theme to use (and remember), e.g. \"Tuiproc Light\". Press t in the UI to cycle through them.",
            HelpName = "NAME",
        };
        Option<string> colors = ChoiceOption.Create(
            "--colors",
            "MODE",
            "auto (24-bit when COLORTERM says so, else 16), true, 16, or none. NO_COLOR turns colour off whatever this says.",
            "auto",
            "true",
            "16",
            "none");
        root.Add(theme);
        root.Add(colors);
        root.SetAction(async (parsed, cancellation) =>
        {
            IReadOnlyList<string> names = TuiHost.LoadThemes(ThemesDirectory, out _);
            string? chosen = parsed.GetValue(theme);
            if (chosen is not null && !names.Contains(chosen, StringComparer.OrdinalIgnoreCase))
            {
                await stderr.WriteLineAsync($"tuiproc: unknown theme '{InputText.Shorten(chosen)}' (available: {string.Join(", ", names)})").ConfigureAwait(false);
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
            scheduling.Apply(parsed, supervisor);
            using TerminationSignals signals = new(() => KillAll(supervisor));
            using CancellationTokenRegistration watchdog = signals.Token.Register(() => _ = WatchdogAsync(supervisor, signals));
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

    /// <summary>
    /// After a signal the UI stops every worker and exits by itself. Should the UI thread be unable to (it
    /// is not expected to: this is the last line of defence for "nothing left running"), the workers are
    /// killed after <see cref="SignalGrace"/> and the process exits two seconds later; LastResortShutdown
    /// and the orphan guard see to anything left.
    /// </summary>
    private static async Task WatchdogAsync(ISupervisor supervisor, TerminationSignals signals)
    {
        await Task.Delay(SignalGrace).ConfigureAwait(false);
        KillAll(supervisor);
        await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        Environment.Exit(ExitCodes.Signaled(signals.Signal));
    }

    /// <summary>How long the UI has, after a signal, to stop the workers itself (grace period 3 s, and some).</summary>
    private static readonly TimeSpan SignalGrace = TimeSpan.FromSeconds(6);

    private static void KillAll(ISupervisor supervisor)
    {
        foreach (Core.Events.WorkerInfo w in supervisor.Snapshot())
        {
            supervisor.Kill(w.Worker);
        }
    }
}
