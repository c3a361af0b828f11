using System.Runtime.InteropServices;
using Terminal.Gui.App;

namespace TuiProcManager.Tui.Hosting;

/// <summary>
/// Paces Terminal.Gui's main loop: an iteration when there is something to do, at most
/// <see cref="FramesPerSecond"/> a second, and otherwise the main thread asleep.
/// </summary>
/// <remarks>
/// <para>
/// Terminal.Gui 2.5.0 ends every iteration with Task.Delay(1000 / MaximumIterationsPerSecond).Wait(),
/// whether or not anything happened. Each of those wakes three threads (the runtime's timer thread, a
/// pool thread completing the task, the main thread): with 10 idle workers that loop, and the supervisor
/// clock's timer hops, made the app cost 3.7% of a core (measured per thread from /proc, 2 cores).
/// </para>
/// <para>
/// Here that delay is switched off (<see cref="Unthrottled"/>) and <see cref="BeforeIteration"/>, run by the
/// application at the start of each iteration on the main thread, waits instead on one event. The event is
/// set by everything that gives the loop work: a key (<see cref="UserActive"/>), a resize (SIGWINCH), and
/// any Invoke or timeout added to Terminal.Gui's timed events (<see cref="TimedEvents.Added"/>), which is
/// how the event stream reaches the views. The wait is also bounded by the next timeout due.
/// </para>
/// <para>
/// For <see cref="ActiveFor"/> after a key the loop keeps iterating at the frame rate whether woken or
/// not: the input parser holds a lone Esc until it knows it is not the start of a sequence, and only an
/// iteration lets it go. After that, an idle app iterates once per <see cref="IdleWait"/> or when woken.
/// </para>
/// <para>
/// A key is not made to wait for the frame rate: the <see cref="HurriedIterations"/> iterations after a key
/// has been queued (<see cref="KeyQueued"/>) start at once, and a frame wait under way ends when one is
/// queued. Those are the iteration that takes the key and draws what it did, the one that runs what the key
/// put off (<c>MainWindow.AfterThisKey</c>: a dialog), and that dialog's first, which draws it: paced, a
/// dialog came up to three frames (100 ms) after its key whatever the machine's speed. The number is fixed,
/// so keys held down or a paste iterate no faster than they arrive, and a flood's batches keep the frame rate.
/// </para>
/// <para>
/// No wake-up is lost: the event is reset right after the wait, before the iteration reads its input
/// queue and runs its timeouts, so work added before the reset is done in this iteration and work added
/// after it sets the event again.
/// </para>
/// </remarks>
internal sealed class LoopPacer : IDisposable
{
    /// <summary>At most this many iterations (and so redraws) a second.</summary>
    internal const int FramesPerSecond = 30;

    /// <summary>Terminal.Gui's own pacing, off: 1000 / this is 0 ms, so its loop never sleeps.</summary>
    internal const ushort Unthrottled = 2000;

    /// <summary>How long the loop keeps iterating at the frame rate after a key or resize.</summary>
    internal static readonly TimeSpan ActiveFor = TimeSpan.FromSeconds(2);

    /// <summary>The longest the loop sleeps with nothing to do (a safety net; everything that matters wakes it).</summary>
    internal static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(1);

    /// <summary>Iterations after a key that skip the frame wait (see the remarks).</summary>
    internal const int HurriedIterations = 3;

    private const int FrameMilliseconds = 1000 / FramesPerSecond;

    private readonly ManualResetEventSlim _wake = new(false);
    private readonly ManualResetEventSlim _keyQueued = new(false); // ends a frame wait early
    private int _hurried; // iterations left that skip the frame wait
    private readonly PosixSignalRegistration? _resize;
    private long _lastActive = long.MinValue / 2;
    private long _lastIteration;

    public LoopPacer()
    {
        try
        {
            _resize = PosixSignalRegistration.Create(PosixSignal.SIGWINCH, context =>
            {
                context.Cancel = false; // the runtime's own handling of the new size goes on
                UserActive();
            });
        }
        catch (PlatformNotSupportedException)
        {
            _resize = null; // the idle iteration still notices a resize, within IdleWait
        }
    }

    /// <summary>Hooks the pacer into <paramref name="app"/> (after Init): its iterations and its timed events.</summary>
    public void Attach(IApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        Application.MaximumIterationsPerSecond = Unthrottled;
        if (app.TimedEvents is { } timers)
        {
            timers.Added += (_, _) => _wake.Set();
        }

        app.Iteration += (_, _) => BeforeIteration(app.TimedEvents as TimedEvents);
    }

    /// <summary>A key arrived or the terminal was resized (any thread): iterate now, and at the frame rate for a while.</summary>
    public void UserActive()
    {
        Volatile.Write(ref _lastActive, Environment.TickCount64);
        _wake.Set();
    }

    /// <summary>
    /// A key has been put in Terminal.Gui's input queue (the input thread, once the read that found it is
    /// queued: waking the loop sooner could let it look at the queue before the key is in it). The next
    /// <see cref="HurriedIterations"/> iterations start without waiting for the frame rate.
    /// </summary>
    public void KeyQueued()
    {
        Volatile.Write(ref _hurried, HurriedIterations);
        _keyQueued.Set();
        UserActive();
    }

    /// <summary>On the main thread, before each iteration: keeps to the frame rate, then sleeps until there is work.</summary>
    internal void BeforeIteration(TimedEvents? timers)
    {
        if (FrameWait(Environment.TickCount64) is int frameWait and > 0)
        {
            _ = _keyQueued.Wait(frameWait); // what arrives meanwhile is handled in this iteration; a key ends the wait
        }

        // A key queued from here on is still taken by this iteration's input processing, and its hurried
        // iterations follow this one: one more than needed at worst.
        _keyQueued.Reset();
        long now = Environment.TickCount64;
        bool active = now - Volatile.Read(ref _lastActive) < ActiveFor.TotalMilliseconds;
        int wait = active ? 0 : (int)IdleWait.TotalMilliseconds;
        if (wait > 0 && timers is not null && timers.CheckTimers(out int due))
        {
            wait = Math.Min(wait, due);
        }
        else if (timers is null)
        {
            wait = Math.Min(wait, FrameMilliseconds); // stock timed events: cannot see when the next one is due
        }

        if (wait > 0)
        {
            _wake.Wait(wait);
        }

        _wake.Reset();
        _lastIteration = Environment.TickCount64;
    }

    /// <summary>The main thread's last iteration start (<see cref="Environment.TickCount64"/>): for tests.</summary>
    internal long LastIteration => _lastIteration;

    /// <summary>
    /// Milliseconds an iteration starting at <paramref name="now"/> waits to keep to the frame rate: none in
    /// the hurried iterations after a key, of which this uses one up.
    /// </summary>
    internal int FrameWait(long now)
    {
        int hurried = Volatile.Read(ref _hurried);
        if (hurried > 0)
        {
            _ = Interlocked.CompareExchange(ref _hurried, hurried - 1, hurried); // lost to a new key, which set them all again
            return 0;
        }

        long sinceLast = now - _lastIteration;
        return sinceLast < FrameMilliseconds ? (int)(FrameMilliseconds - sinceLast) : 0;
    }

    public void Dispose()
    {
        _resize?.Dispose();
        _wake.Dispose();
        _keyQueued.Dispose();
    }
}
