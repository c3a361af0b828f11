using System.Collections.Concurrent;
using NSubstitute;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Input;
using Terminal.Gui.Testing;
using Terminal.Gui.Time;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views;

namespace TuiProcManager.Tui.Tests.TestSupport;

/// <summary>
/// The main window on Terminal.Gui's ANSI driver with an in-memory screen (no terminal), over a real
/// supervisor on virtual time whose OS is substituted (<see cref="SupervisorHarness"/>): what the views draw,
/// and what the keys make the supervisor do.
/// </summary>
/// <remarks>
/// The window is fed by hand (<see cref="Feed"/>, events made up by the test) or, after
/// <see cref="FeedFromSupervisor"/>, by the supervisor's own stream, as in the app: a test of a key that acts
/// on workers spawns them in the supervisor, so that what the window shows and what the supervisor knows agree.
/// </remarks>
internal sealed class Screen : IDisposable
{
    private readonly SessionToken? _session;

    public Screen(int width = 80, int height = 24, bool begin = true)
    {
        Resolver.TryResolve(Arg.Any<string>(), out Arg.Any<string?>(), out Arg.Any<string?>()).Returns(call =>
        {
            call[1] = "/usr/bin/" + call.ArgAt<string>(0);
            call[2] = null;
            return true;
        });
        Themes = ThemeCatalog.Load(BuiltIn.Themes, null);
        Themes.Apply(ThemeCatalog.DefaultTheme);
        App = Application.Create(new VirtualTimeProvider());
        App.Init(DriverRegistry.Names.ANSI);
        App.Driver!.SetScreenSize(width, height);
        Main = new MainWindow(Dashboard, Supervisor, Resolver, Themes, noColor: false, StateGlyphs.Unicode, Time, Machine);
        if (begin)
        {
            _session = App.Begin(Main);
            App.LayoutAndDraw();
        }
    }

    public SupervisorHarness Harness { get; } = new();

    /// <summary>The real supervisor the window acts through.</summary>
    public Supervisor Supervisor => Harness.Supervisor;

    public IExecutableResolver Resolver { get; } = Substitute.For<IExecutableResolver>();

    public ThemeCatalog Themes { get; }

    /// <summary>The machine the window is told it runs on: 2 cores, whatever the test machine has.</summary>
    public MachineFacts Machine { get; } = new(2);

    public Dashboard Dashboard { get; } = new(2);

    /// <summary>The window's clock: <see cref="Now"/> moves it.</summary>
    public SetClock Time { get; } = new(EventBuilder.T0.AddSeconds(5));

    public IApplication App { get; }

    public MainWindow Main { get; }

    public DateTimeOffset Now
    {
        get => Time.Now;
        set => Time.Now = value;
    }

    /// <summary>The screen as text, rows joined by newlines.</summary>
    public string Text => App.Driver!.ToString()!;

    public string[] Lines => Text.Split('\n');

    /// <summary>
    /// From now on the window takes the supervisor's events (a snapshot first), as in the app: on this thread
    /// (the UI's), each as it comes when it is published here, and those published on another thread (a
    /// join's end, say) when the test next acts (<see cref="Feed"/>, <see cref="Press"/>, <see cref="Spawn"/>,
    /// <see cref="Settle"/>).
    /// </summary>
    /// <remarks>The window is not thread-safe: the app moves every event to the UI thread, and so does this.</remarks>
    public void FeedFromSupervisor()
    {
        _feed?.Dispose();
        _uiThread = Environment.CurrentManagedThreadId;
        _feed = Supervisor.EventsWithSnapshot.Subscribe(e =>
        {
            _fromSupervisor.Enqueue(e);
            if (Environment.CurrentManagedThreadId == _uiThread)
            {
                TakeFromSupervisor();
            }
        });
        App.LayoutAndDraw();
    }

    private IDisposable? _feed;
    private int _uiThread;
    private readonly ConcurrentQueue<SupervisorEvent> _fromSupervisor = new();

    /// <summary>Spawns workers in the supervisor (fed to the window if <see cref="FeedFromSupervisor"/> was called).</summary>
    public WorkerId[] Spawn(params WorkerSpec[] specs)
    {
        TakeFromSupervisor();
        WorkerId[] ids = [.. specs.Select(Supervisor.Spawn)];
        App.LayoutAndDraw();
        return ids;
    }

    /// <summary>Moves the supervisor's virtual clock on (its state polls and timers run), then redraws.</summary>
    public void Advance(TimeSpan by)
    {
        Harness.Advance(by);
        App.LayoutAndDraw();
    }

    /// <summary>
    /// Takes what the supervisor published on other threads and refreshes the window (as its once-a-second
    /// tick does), until <paramref name="condition"/> holds: for what completes on another thread, such as a
    /// join. Fails, naming <paramref name="what"/>, after a bound.
    /// </summary>
    public void Settle(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            Feed();
            if (condition())
            {
                return;
            }

            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}:\n{Text}");
            Thread.Sleep(1);
        }
    }

    /// <summary>Applies what the supervisor published that the window has not taken yet, in the order it came.</summary>
    private void TakeFromSupervisor()
    {
        while (_fromSupervisor.TryDequeue(out SupervisorEvent? e))
        {
            Main.Apply([e]);
        }
    }

    public void Feed(params SupervisorEvent[] events)
    {
        TakeFromSupervisor();
        Main.Apply(events);
        App.LayoutAndDraw();
    }

    public void Press(Key key)
    {
        TakeFromSupervisor();
        App.InjectKey(key);
        App.LayoutAndDraw();
    }

    public void Resize(int width, int height)
    {
        App.Driver!.SetScreenSize(width, height);
        App.LayoutAndDraw();
    }

    /// <summary>Row and column of the first occurrence of <paramref name="text"/> on the screen.</summary>
    public (int Row, int Col) Find(string text)
    {
        string[] lines = Lines;
        for (int r = 0; r < lines.Length; r++)
        {
            int c = lines[r].IndexOf(text, StringComparison.Ordinal);
            if (c >= 0)
            {
                return (r, c);
            }
        }

        throw new Xunit.Sdk.XunitException($"'{text}' is not on the screen:\n{Text}");
    }

    /// <summary>Row and column of <paramref name="text"/> on the first row that also shows <paramref name="rowMarker"/>.</summary>
    public (int Row, int Col) FindOnRow(string rowMarker, string text)
    {
        string[] lines = Lines;
        for (int r = 0; r < lines.Length; r++)
        {
            int c = lines[r].IndexOf(text, StringComparison.Ordinal);
            if (c >= 0 && lines[r].Contains(rowMarker, StringComparison.Ordinal))
            {
                return (r, c);
            }
        }

        throw new Xunit.Sdk.XunitException($"no row with '{rowMarker}' and '{text}':\n{Text}");
    }

    public Terminal.Gui.Drawing.Attribute? AttributeAt(int row, int col) => App.Driver!.Contents![row, col].Attribute;

    public void Dispose()
    {
        _feed?.Dispose();
        if (_session is not null)
        {
            App.End(_session);
        }

        Main.Dispose();
        App.Dispose();
        Harness.Dispose();
    }
}
