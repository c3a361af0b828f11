using Terminal.Gui.App;

namespace TuiProcManager.Tui.Hosting;

/// <summary>
/// How often the main loop iterates: <see cref="ActiveFramesPerSecond"/> while the user is active,
/// <see cref="IdleFramesPerSecond"/> after <see cref="IdleAfter"/> without a key.
/// </summary>
/// <remarks>
/// Each iteration of Terminal.Gui's loop ends in Task.Delay(…).Wait(), which wakes three threads (timer,
/// pool, main); that, not drawing, is most of an idle app's CPU. Measured on a bare window, steady
/// state, 2 cores: 1.30% of a core at 30 iterations/s, 1.00% at 15, 0.63% at 10, 0.46% at 5. The loop
/// cannot be woken early, so an idle app sees a first key up to one idle frame late (125 ms at 8/s); keys
/// after that, and updates while anything changes, run at the active rate. Worker events do not count
/// as activity: the panels they change are redrawn at whatever rate is current, which is at least 8 a
/// second.
/// </remarks>
internal sealed class FrameRate
{
    internal const ushort ActiveFramesPerSecond = 30;
    internal const ushort IdleFramesPerSecond = 8;
    internal static readonly TimeSpan IdleAfter = TimeSpan.FromSeconds(2);

    private long _lastActive = Environment.TickCount64;

    /// <summary>A key arrived (called on the input thread).</summary>
    public void UserActive()
    {
        Volatile.Write(ref _lastActive, Environment.TickCount64);
        Application.MaximumIterationsPerSecond = ActiveFramesPerSecond;
    }

    /// <summary>Called once per main-loop iteration: drops to the idle rate when the user has been away.</summary>
    public void OnIteration()
    {
        if (Application.MaximumIterationsPerSecond != IdleFramesPerSecond
            && Environment.TickCount64 - Volatile.Read(ref _lastActive) > IdleAfter.TotalMilliseconds)
        {
            Application.MaximumIterationsPerSecond = IdleFramesPerSecond;
        }
    }
}
