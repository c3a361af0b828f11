using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Time;
using TuiProcManager.Core.DependencyInjection;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;
using TuiProcManager.Linux.DependencyInjection;
using TuiProcManager.Linux.Processes;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views;
using TuiProcManager.Tui.Views.Drawing;
using TuiProcManager.Linux.Files;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// The UI thread's cost of one refresh: the main window folding a batch of events and Terminal.Gui laying
/// out and drawing, on the ANSI driver with an in-memory screen (no terminal, no I/O). The batch is what an
/// idle app gets every second: a resource sample per worker and the machine's CPU.
/// </summary>
internal static class DrawBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        int workers = Args.Int(args, "--workers", 10);
        int rounds = Args.Int(args, "--rounds", 300);
        bool panels = args.Contains("--panels");
        foreach ((int width, int height) in new[] { (80, 24), (120, 40), (200, 60) })
        {
            Measure(width, height, workers, rounds, panels);
        }

        return Task.FromResult(0);
    }

    private static void Measure(int width, int height, int workers, int rounds, bool panels)
    {
        // A real supervisor that starts nothing: the window only calls it on keys.
        string worker = Path.Combine(AppContext.BaseDirectory, "worker", "tuiproc-worker");
        ServiceCollection services = new();
        services.AddLinuxProcessControl(o => o.WorkerExecutable = worker);
        services.AddSupervisor(o => o.WorkerExecutable = worker);
        using ServiceProvider provider = services.BuildServiceProvider();
        ThemeCatalog themes = ThemeCatalog.Load(new BuiltInFiles(RegularFileReader.Instance, typeof(ThemeCatalog).Assembly).Folder("themes", "/nonexistent/themes"), null);
        themes.Apply(ThemeCatalog.DefaultTheme);
        DateTimeOffset now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        FakeTimeProvider time = new(now);
        using IApplication app = Application.Create(new VirtualTimeProvider());
        app.Init(DriverRegistry.Names.ANSI);
        app.Driver!.SetScreenSize(width, height);
        using MainWindow main = new(new Dashboard(2), provider.GetRequiredService<ISupervisor>(), ExecutableResolver.Instance, themes, noColor: false, StateGlyphs.Unicode, time, new MachineFacts(2));
        SessionToken? session = app.Begin(main);
        long sequence = 0;
        List<SupervisorEvent> start = [];
        for (int i = 1; i <= workers; i++)
        {
            WorkerId id = new(i);
            start.Add(new WorkerSpawned(++sequence, now, id, WorkerSpec.Square(i.ToString(CultureInfo.InvariantCulture)), 1000 + i));
            start.Add(new WorkerStateChanged(++sequence, now, id, WorkerState.Starting, WorkerState.Waiting, "sleeping"));
        }

        main.Apply(start);
        app.LayoutAndDraw();

        List<double> refresh = [], idle = [];
        long allocated = 0, cells = 0;
        for (int round = 0; round < rounds; round++)
        {
            now = now.AddSeconds(1);
            time.SetUtcNow(now);
            List<SupervisorEvent> batch = [];
            for (int i = 1; i <= workers; i++)
            {
                batch.Add(new ResourceSampled(++sequence, now, new WorkerId(i), new ProcessSample(1000 + i, 1, "tuiproc-worker", WorkerState.Waiting, 0, TimeSpan.Zero, 2_300_000), []));
            }

            batch.Add(new MachineSampled(++sequence, now, [1.0, 2.0]));
            long bytes = GC.GetAllocatedBytesForCurrentThread();
            long written = CanvasView.CellsWritten;
            long t0 = Stopwatch.GetTimestamp();
            main.Apply(batch);
            app.LayoutAndDraw();
            long t1 = Stopwatch.GetTimestamp();
            app.LayoutAndDraw(); // nothing changed: what an iteration without work costs
            long t2 = Stopwatch.GetTimestamp();
            if (round >= rounds / 3)
            {
                refresh.Add(Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds);
                idle.Add(Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds);
                allocated += GC.GetAllocatedBytesForCurrentThread() - bytes;
                cells += CanvasView.CellsWritten - written;
            }
        }


        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{width}x{height}, {workers} workers: {cells / (double)refresh.Count:0} cells rewritten per refresh; refresh median {Stats.Median(refresh):0.00} ms (min {Stats.Min(refresh):0.00}), allocated {allocated / refresh.Count / 1024.0:0} KiB; iteration with nothing to draw {Stats.Median(idle):0.000} ms"));

        // With --panels: each panel redrawn whole (as after a dialog closed).
        foreach (Terminal.Gui.ViewBase.View panel in main.SubViews.Where(v => v.Visible && panels))
        {
            List<double> times = [];
            long panelBytes = 0;
            for (int round = 0; round < 50; round++)
            {
                long bytes = GC.GetAllocatedBytesForCurrentThread();
                long t0 = Stopwatch.GetTimestamp();
                panel.SetNeedsDraw();
                app.LayoutAndDraw();
                times.Add(Stopwatch.GetElapsedTime(t0).TotalMilliseconds);
                panelBytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    {panel.GetType().Name,-14} {panel.Frame.Width,3}x{panel.Frame.Height,-3} {Stats.Median(times),6:0.00} ms  {panelBytes / 50 / 1024.0,6:0} KiB"));
        }

        if (session is not null)
        {
            app.End(session);
        }
    }
}
