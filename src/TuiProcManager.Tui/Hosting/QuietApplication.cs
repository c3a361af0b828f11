using System.Runtime.CompilerServices;
using Terminal.Gui.App;
using Terminal.Gui.Drivers;
using Terminal.Gui.Time;
using TuiProcManager.Core.Os;

namespace TuiProcManager.Tui.Hosting;

/// <summary>Creates the application on the quiet ANSI driver (<see cref="QuietAnsiInput"/>, <see cref="QuietAnsiOutput"/>).</summary>
/// <remarks>
/// Terminal.Gui 2.5.0 has no public way to give an application its own driver parts: the constructor
/// that takes a component factory is internal (its tests use it). It is reached with UnsafeAccessor,
/// checked by the compiler against nothing and by the runtime at the call, so if a later Terminal.Gui
/// changes it, <see cref="Create"/> falls back to the stock driver (working, only busier when idle) and
/// says so in <see cref="QuietDriverUnavailableBecause"/>. The version is pinned centrally. The stock driver
/// is also the one without an OS wait for the terminal to sleep in (none given).
/// </remarks>
internal static class QuietApplication
{
    /// <summary>Why the stock driver is in use, or null when the quiet one is.</summary>
    public static string? QuietDriverUnavailableBecause { get; private set; }

    /// <param name="pacer">Woken by every key.</param>
    /// <param name="terminal">The OS's wait for the terminal's input, which the quiet input sleeps in; null: the stock driver.</param>
    /// <param name="onTerminalLost">Raised when the terminal hangs up.</param>
    /// <param name="colors">How much colour the terminal gets.</param>
    /// <param name="typedEarly">Keys typed before the UI started, read first (<see cref="ScreenTheme.Load"/>).</param>
    /// <param name="input">The quiet input, whose <see cref="QuietAnsiInput.StopWaiting"/> must be called before the
    /// application is disposed; null on the stock driver.</param>
    public static IApplication Create(LoopPacer pacer, ITerminalInputWait? terminal, EventHandler onTerminalLost, ColorMode colors, byte[] typedEarly, out QuietAnsiInput? input)
    {
        input = null;
        if (terminal is null)
        {
            QuietDriverUnavailableBecause = "no wait for the terminal's input was given (TuiOptions.TerminalInput)";
            return Application.Create();
        }

        try
        {
            input = new(pacer, terminal, typedEarly);
            input.TerminalLost += onTerminalLost;
            AnsiComponentFactory factory = new(input, new QuietAnsiOutput(colors));
            return (IApplication)CreateWithFactory(factory, new SystemTimeProvider());
        }
        catch (Exception e) when (e is MissingMethodException or MissingMemberException or TypeLoadException or InvalidCastException)
        {
            QuietDriverUnavailableBecause = e.GetType().Name + ": " + e.Message;
            input = null;
            return Application.Create();
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    [return: UnsafeAccessorType("Terminal.Gui.App.ApplicationImpl, Terminal.Gui")]
    private static extern object CreateWithFactory(IComponentFactory componentFactory, ITimeProvider timeProvider);
}
