using System.Reactive.Concurrency;
using System.Reactive.Linq;
using Terminal.Gui.App;
using Terminal.Gui.Configuration;
using Terminal.Gui.Drivers;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Streaming;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;
using TuiProcManager.Labs.Explaining;
using TuiProcManager.Labs.Format;
using TuiProcManager.Tui.Input;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views;

namespace TuiProcManager.Tui.Hosting;

/// <summary>Runs the full-screen UI over a supervisor until the user quits or a signal arrives.</summary>
public static class TuiHost
{
    /// <summary>
    /// The themes there are (tuiproc's and the user's), read from their files; for checking --theme before the
    /// UI starts. Terminal.Gui's configuration is loaded once, by <see cref="Run"/>, with the theme it starts with.
    /// </summary>
    public static IReadOnlyList<string> LoadThemes(ShippedFolder themes, out IReadOnlyList<string> problems)
    {
        IReadOnlyList<string> names = ThemeCatalog.ReadNames(themes, UserSettings.UserThemesDirectory, out IReadOnlyList<ThemeProblem> unusable);
        problems = [.. unusable.Select(p => p.ToString())];
        return names;
    }

    /// <summary>The exit code a signal's cancellation stands for when it means detach (<see cref="TuiOptions.SignalDetaches"/>).</summary>
    private const int DetachCode = -1;

    /// <summary>How long the first frame waits for the screen's first batch (a session's history).</summary>
    private static readonly TimeSpan FirstBatchWait = TimeSpan.FromSeconds(1);

    /// <summary>Runs the UI; returns how it ended (exit code 0 after q, 130 after Ctrl+C; detached after d).</summary>
    /// <param name="supervisor">The supervisor whose workers the UI shows and controls.</param>
    /// <param name="resolver">Checks programs typed into the run-a-command dialog.</param>
    /// <param name="options">Theme, colours, initial workers.</param>
    /// <param name="interrupt">Cancelled when a signal (SIGHUP, SIGTERM, SIGINT) asks the UI to stop every worker and leave.</param>
    public static TuiExit Run(ISupervisor supervisor, IExecutableResolver resolver, TuiOptions options, CancellationToken interrupt)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(options);

        // The input loop and app.Run each hold a thread; with the pool's minimum of 2 on a 2-core machine
        // the Rx timers would starve (see the Terminal.Gui notes).
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), io);

        // The screen's stream starts first: a session's history (10,000 lines: its call, the server's window,
        // the transfer and the decoding) comes while the theme loads and the terminal starts, and waits in
        // `starting` for the screen. Everything it delivers runs on this thread, after `main` is built.
        using StartingScheduler starting = new();
        MainWindow? main = null;
        AfterFloodCollector afterFlood = AfterFloodCollector.ForThisProcess(TaskPoolScheduler.Default); // gives a flood's memory back
        using ScreenFeed feed = new(supervisor, ScreenPacing.Default, starting, batch =>
        {
            main!.Apply(batch);
            afterFlood.Saw(batch);
        }, problem => main!.SayProblem(problem), // a batch per 33 ms window at most, one in flight, the tail kept; a failure said in the header
            ended: options.SessionName is null ? null : () => main!.SessionEnded(),
            describe: options.SessionName is not { } session ? null : error => $"session {session}: {error.Message}; the panels no longer change (q quits)");

        (ColorMode colors, ThemeCatalog themes, UserSettings settings, string? settingsProblem, byte[] typedEarly) = ScreenTheme.Load(options.Files, options.Themes, options.Theme, options.Colors, remember: true, options.TerminalQuery);

        using LoopPacer pacer = new();
        Application.MaximumIterationsPerSecond = LoopPacer.FramesPerSecond;

        // A signal (or Ctrl+C, or the terminal gone) is noted here and acted on by the UI thread between two
        // iterations of its loop, never through app.Invoke: Invoke takes Terminal.Gui's timer lock, which
        // the UI thread holds while it runs timer callbacks, so a signal thread calling it could wait for as
        // long as a callback runs. Whatever the UI thread is doing, the signal watchdog ends the process.
        int interrupted = 0;
        Action<int> raise = options.RaiseSignal ?? (signal =>
        {
            Interlocked.CompareExchange(ref interrupted, signal == 1 && options.SessionName is not null ? DetachCode : 128 + signal, 0);
            pacer.UserActive();
        });
        using IApplication app = QuietApplication.Create(pacer, options.TerminalInput?.Invoke(), (_, _) => raise(1), colors, typedEarly, out QuietAnsiInput? input); // the terminal hung up (SSH dropped): as SIGHUP

        // Disposed before the application: its shutdown cancels the input loop and waits for it, which sleeps in poll(2).
        using IDisposable stopInput = System.Reactive.Disposables.Disposable.Create(() => input?.StopWaiting());
        app.Init();
        if (!TerminalMouse.Wanted(options.NoMouse, settings))
        {
            TerminalMouse.LeaveToTheTerminal(app); // after Init, which turned the terminal's mouse reports on
        }
        if (QuietApplication.QuietDriverUnavailableBecause is null)
        {
            pacer.Attach(app); // only the quiet input wakes the pacer on a key; the stock driver keeps its own pacing
        }

        Dashboard dashboard = new(options.Machine.Cores);
        using MainWindow built = main = new(
            dashboard, supervisor, resolver, themes, colors == ColorMode.None,
            StateGlyphs.ForTerminal(Environment.GetEnvironmentVariable("TERM")), options.Time, options.Machine);
        if (settingsProblem is not null)
        {
            main.SayStartupProblem(settingsProblem);
        }

        main.Keys = KeymapFile.Load(options.Files, out IReadOnlyList<string> keysProblems);
        foreach (string problem in keysProblems)
        {
            main.SayStartupProblem(problem);
        }

        (ExplainTexts? texts, string? textsProblem) = LoadExplainTexts(options.Files, options.ExplainTexts);
        main.UseExplainTexts(texts, textsProblem);
        main.SessionName = options.SessionName;
        main.Guest = options.Guest;
        main.Replay = options.Replay;
        main.RestoreOutputSplit(settings); // the settings as loaded: t, b and B save them with their change
        if (options.Lab is { } lab)
        {
            main.OpenLab(lab);
        }

        // The first frame shows the stream's first batch (the snapshot, a session's history), drawn once: a
        // frame drawn before it would be drawn again in full a frame later. A stream slower than
        // FirstBatchWait gets the screen drawn without it first, as its batch then comes through the loop.
        _ = starting.WaitForWork(FirstBatchWait);
        starting.RunWaiting();
        starting.HandOver(new TerminalScheduler(app));
        using IDisposable feedBeforeApp = System.Reactive.Disposables.Disposable.Create(feed.Dispose); // before the application: it delivers through it
        using IDisposable labProgress = options.Lab?.Authority?.Progress.Subscribe(p => Invoke(app, () => main.LabUpdated(p))) ?? System.Reactive.Disposables.Disposable.Empty;
        using IDisposable notices = options.Notices?.Subscribe(n => Invoke(app, () => main.SayNotice(n))) ?? System.Reactive.Disposables.Disposable.Empty;
        using CancellationTokenRegistration onSignal = interrupt.Register(() =>
        {
            // The exit code is the caller's (128 + the signal); in a session a hang-up detaches instead.
            Interlocked.CompareExchange(ref interrupted, options.SignalDetaches?.Invoke() == true ? DetachCode : 130, 0);
            pacer.UserActive(); // wakes the loop: no lock, returns at once
        });
        main.Interrupt = () => raise(2); // Ctrl+C, in a dialog too
        app.Iteration += (_, _) =>
        {
            if (Volatile.Read(ref interrupted) is DetachCode)
            {
                main.DetachNow(); // closes any dialog first, leaves every worker as it is
            }
            else if (Volatile.Read(ref interrupted) is int code and not 0)
            {
                main.StopNow(code); // closes any dialog first; once only
            }
        };
        foreach (WorkerSpec spec in options.InitialWorkers)
        {
            _ = supervisor.SpawnAsync(spec); // decided at once; a refusal (shutting down) needs no word here
        }

        app.Run(main);
        main.CloseLab();
        return new TuiExit(main.ExitCode, main.Detached);
    }

    /// <summary>The Explain panel's texts, or why they cannot be used (the panel then says so; nothing else is affected).</summary>
    private static (ExplainTexts?, string?) LoadExplainTexts(IRegularFileReader files, string path)
    {
        try
        {
            return (ExplainTexts.Load(files, path), null);
        }
        catch (LabFormatException e)
        {
            return (null, "Explain texts: " + e.Message);
        }
    }

    private static void Invoke(IApplication app, Action action)
    {
        try
        {
            app.Invoke(action);
        }
        catch (NotInitializedException)
        {
            // Already gone.
        }
    }
}
