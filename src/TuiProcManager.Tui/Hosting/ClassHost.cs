using Terminal.Gui.App;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Views;

namespace TuiProcManager.Tui.Hosting;

/// <summary>
/// Runs a teacher's class view until the user picks a session (Enter) or leaves (q, Ctrl+C, a signal, the
/// terminal gone). The rows are asked for on a pool thread once every <see cref="ClassOptions.Every"/>, one
/// asking at a time, and shown on the UI thread; nothing the UI thread does waits on a session or a host.
/// </summary>
public static class ClassHost
{
    /// <summary>Runs the view; the session picked, or null when the user left.</summary>
    /// <param name="rows">Asks for the rows now (this host's sessions, other hosts' as last heard).</param>
    /// <param name="options">Theme, colours, clock.</param>
    /// <param name="interrupt">Cancelled by a signal: the view ends.</param>
    /// <param name="problem">A line for the header from the start (an attach that just failed), or null.</param>
    public static ClassRow? Run(Func<CancellationToken, Task<IReadOnlyList<ClassRow>>> rows, ClassOptions options, CancellationToken interrupt, string? problem = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(options);
        ThreadPool.GetMinThreads(out int workers, out int io);
        ThreadPool.SetMinThreads(Math.Max(workers, 16), io); // as TuiHost: the input loop and app.Run each hold a thread

        (ColorMode colors, _, UserSettings settings, _, byte[] typedEarly) = ScreenTheme.Load(options.Files, options.Themes, options.Theme, options.Colors, remember: false, options.TerminalQuery);
        using LoopPacer pacer = new();
        Application.MaximumIterationsPerSecond = LoopPacer.FramesPerSecond;
        int stop = 0;
        using IApplication app = QuietApplication.Create(pacer, options.TerminalInput?.Invoke(), (_, _) => { Volatile.Write(ref stop, 1); pacer.UserActive(); }, colors, typedEarly, out QuietAnsiInput? input);
        using IDisposable stopInput = System.Reactive.Disposables.Disposable.Create(() => input?.StopWaiting());
        app.Init();
        if (!TerminalMouse.Wanted(options.NoMouse, settings))
        {
            TerminalMouse.LeaveToTheTerminal(app);
        }
        if (QuietApplication.QuietDriverUnavailableBecause is null)
        {
            pacer.Attach(app);
        }

        using ClassWindow window = new(options.Scope, options.Time.GetUtcNow);
        window.HookKeys(app);
        if (problem is not null)
        {
            window.Say(problem);
        }

        using CancellationTokenSource leaving = CancellationTokenSource.CreateLinkedTokenSource(interrupt);
        using CancellationTokenRegistration onSignal = interrupt.Register(() => { Volatile.Write(ref stop, 1); pacer.UserActive(); });
        app.Iteration += (_, _) =>
        {
            if (Volatile.Read(ref stop) != 0)
            {
                app.RequestStop(window);
            }
        };
        Task asking = AskAsync(rows, options.Every, rowsNow => Invoke(app, () => window.Show(rowsNow)), leaving.Token);
        app.Run(window);
        leaving.Cancel();
        try
        {
            asking.Wait(TimeSpan.FromSeconds(2));
        }
        catch (AggregateException)
        {
            // Cancelled, as asked.
        }

        return Volatile.Read(ref stop) != 0 ? null : window.Picked;
    }

    /// <summary>Asks for the rows, shows them, waits out the rest of the period; until cancelled.</summary>
    private static async Task AskAsync(Func<CancellationToken, Task<IReadOnlyList<ClassRow>>> rows, TimeSpan every, Action<IReadOnlyList<ClassRow>> show, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            DateTime started = DateTime.UtcNow;
            show(await rows(stop).ConfigureAwait(false));
            TimeSpan rest = every - (DateTime.UtcNow - started);
            await Task.Delay(rest > TimeSpan.Zero ? rest : TimeSpan.Zero, stop).ConfigureAwait(false);
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
