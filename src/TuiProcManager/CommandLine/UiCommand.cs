using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using TuiProcManager.Composition;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Text;
using TuiProcManager.Headless;
using TuiProcManager.Linux.Files;
using TuiProcManager.Tui.Hosting;

namespace TuiProcManager.CommandLine;

/// <summary><c>tuiproc [KIND:N …] [--cmd …]</c>: the full-screen UI, optionally with workers started.</summary>
internal static class UiCommand
{
    /// <summary>Where the build copies tuiproc's themes.</summary>
    public static string ThemesDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "themes");

    public static void AddTo(RootCommand root, TextWriter stderr)
    {
        UiArguments ui = new();
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
        IReadOnlyList<string> names = TuiHost.LoadThemes(RegularFileReader.Instance, ThemesDirectory, out _);
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
                : $"without the UI, record a run (tuiproc run --events FILE square:10 cube:10) and check it: tuiproc lab {lab.Lab.Id} --check FILE";
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
        ISupervisor supervisor = services.GetRequiredService<ISupervisor>();
        ui.Scheduling.Apply(parsed, supervisor);
        EventLogWriter? log = files.Events;
        using IDisposable logging = log?.Attach(supervisor) ?? System.Reactive.Disposables.Disposable.Empty; // the snapshot first: the mode, and any worker alive
        using TerminationSignals signals = new(() => KillAll(supervisor));
        using CancellationTokenRegistration watchdog = signals.Token.Register(() => _ = WatchdogAsync(supervisor, signals));
        TuiOptions options = new()
        {
            Files = RegularFileReader.Instance,
            ThemesDirectory = ThemesDirectory,
            Theme = chosen,
            Colors = parsed.GetValue(ui.Colors) ?? "auto",
            InitialWorkers = ui.Workers.Build(parsed),
            Lab = lab is null || log is null ? lab : lab with { Record = log.Write },
            Problems = log is null ? null : RecordProblems(log),
        };
        int code = TuiHost.Run(supervisor, services.GetRequiredService<IExecutableResolver>(), options, signals.Token);
        await supervisor.DisposeAsync().ConfigureAwait(false); // completes the stream: the events file gets all of it
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
