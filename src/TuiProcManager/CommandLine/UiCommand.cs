using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TuiProcManager.Composition;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Text;
using TuiProcManager.Headless;
using TuiProcManager.Linux.Files;
using TuiProcManager.Tui.Hosting;
using TuiProcManager.Linux.Hosting;

namespace TuiProcManager.CommandLine;

/// <summary><c>tuiproc [KIND:N …] [--cmd …]</c>: the full-screen UI, optionally with workers started.</summary>
internal static class UiCommand
{
    public static void AddTo(RootCommand root, TextWriter stderr, IExecutableResolver resolver)
    {
        UiArguments ui = new(resolver);
        ui.AddTo(root);
        root.SetAction((parsed, _) => RunAsync(parsed, ui, stderr, lab: null));
    }

    /// <summary>
    /// Checks what the UI needs (a known theme, a terminal, the worker, a writable events file), then runs
    /// it until the user quits or a signal stops it; with <paramref name="lab"/>, that lab is open.
    /// </summary>
    /// <param name="parsed">The command line.</param>
    /// <param name="ui">The UI's options in it.</param>
    /// <param name="stderr">Where one-line problems go.</param>
    /// <param name="lab">The lab to open; its <see cref="LabOptions.Record"/> is connected to the events file here.</param>
    public static async Task<int> RunAsync(ParseResult parsed, UiArguments ui, TextWriter stderr, LabOptions? lab)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        ArgumentNullException.ThrowIfNull(ui);
        IReadOnlyList<string> names = TuiHost.LoadThemes(ShippedContent.Themes, out _);
        string? chosen = parsed.GetValue(ui.Theme);
        if (chosen is not null && !names.Contains(chosen, StringComparer.OrdinalIgnoreCase))
        {
            await stderr.WriteLineAsync($"tuiproc: unknown theme '{InputText.Shorten(chosen)}' (available: {string.Join(", ", names)})").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (Console.IsInputRedirected || Console.IsOutputRedirected)
        {
            string instead = lab is null
                ? "for a run without the UI use: tuiproc run square:10 cube:10"
                : $"without the UI, record a run (tuiproc run --events FILE square:10 cube:10) and check it: tuiproc lab check {lab.Lab.Id} FILE";
            await stderr.WriteLineAsync($"tuiproc: the UI needs a terminal (stdin and stdout are not one); {instead}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (WorkerExecutable.Problem() is { } problem)
        {
            await stderr.WriteLineAsync("tuiproc: " + problem).ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        if (!RunFiles.TryOpen(parsed.GetValue(ui.Events), null, out RunFiles? files, out string? fileError))
        {
            await stderr.WriteLineAsync("tuiproc: " + fileError).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using RunFiles ownFiles = files;
        foreach (string note in files.Notes)
        {
            await stderr.WriteLineAsync("tuiproc: " + note).ConfigureAwait(false);
        }

        await using ServiceProvider services = AppServices.Build();
        Supervisor owned = services.GetRequiredService<Supervisor>(); // ours to stop, below
        ISupervisor supervisor = owned;
        await ui.Scheduling.ApplyAsync(parsed, supervisor).ConfigureAwait(false);
        EventLogWriter? log = files.Events;
        using IDisposable logging = log?.Attach(supervisor) ?? System.Reactive.Disposables.Disposable.Empty; // the snapshot first: the mode, and any worker alive
        using TerminationSignals signals = new(() => SignalWatchdog.KillAll(supervisor));
        TerminalRescue terminal = TerminalRescue.Capture(); // before the UI puts the terminal in raw mode
        using SignalWatchdog watchdog = new(supervisor, signals, terminal);
        TuiOptions options = new()
        {
            Files = ShippedContent.Files,
            TerminalInput = static () => new TerminalInputWait(), // the UI's input thread sleeps in poll(2) on stdin
            Time = services.GetRequiredService<TimeProvider>(),
            Machine = services.GetRequiredService<MachineFacts>(),
            Themes = ShippedContent.Themes,
            ExplainTexts = ShippedContent.Labs.Find("explain.json"),
            Theme = chosen,
            Colors = parsed.GetValue(ui.Colors) ?? "auto",
            InitialWorkers = ui.Workers.Build(parsed),
            Lab = lab is null || log is null ? lab : lab with { Record = log.Write },
            Problems = log is null ? null : RecordProblems(log),
            RaiseSignal = signals.Raise,
        };
        int code = TuiHost.Run(supervisor, services.GetRequiredService<IExecutableResolver>(), options, signals.Token);
        terminal.Release(); // the UI has put the terminal back itself
        await owned.DisposeAsync().ConfigureAwait(false); // completes the stream: the events file gets all of it
        code = signals.Signal != 0 ? ExitCodes.Signaled(signals.Signal) : code;
        if (log is not null)
        {
            // The record is lossless, so its reader (a FIFO, a slow disk) may still be taking the last
            // events; it gets a moment, not for ever: the UI is gone and the user is back at the prompt.
            Task done = log.Completion;
            if (await Task.WhenAny(done, Task.Delay(RecordGrace)).ConfigureAwait(false) != done)
            {
                await stderr.WriteLineAsync($"tuiproc: {log.ShownAs} is not being read: the events it did not take are lost").ConfigureAwait(false);
                return code == ExitCodes.Success ? ExitCodes.Incomplete : code;
            }

            if (log.Problem is { } recordProblem)
            {
                await stderr.WriteLineAsync("tuiproc: " + recordProblem).ConfigureAwait(false);
                return code == ExitCodes.Success ? ExitCodes.Incomplete : code;
            }
        }

        return code;
    }

    /// <summary>How long the events file's reader may take, once the UI is gone, to take the last events.</summary>
    private static readonly TimeSpan RecordGrace = TimeSpan.FromSeconds(5);

    /// <summary>The events file's write problem, when it comes (at once, if it came before the UI subscribed).</summary>
    private static IObservable<string> RecordProblems(EventLogWriter log) => System.Reactive.Linq.Observable.Create<string>(o =>
    {
        log.Failed = o.OnNext;
        if (log.Problem is { } earlier)
        {
            o.OnNext(earlier);
        }

        return () => log.Failed = null;
    });
}
