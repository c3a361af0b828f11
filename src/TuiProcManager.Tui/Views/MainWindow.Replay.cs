using TuiProcManager.Tui.Hosting;
using TuiProcManager.Tui.Input;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The UI over a recording (<see cref="IReplayControls"/>): the player's keys, the clock in the header,
/// every key that would act refused in one line, and leaving that never touches anything.
/// </summary>
internal sealed partial class MainWindow
{
    /// <summary>How far ← and → move.</summary>
    public static readonly TimeSpan SeekStep = TimeSpan.FromSeconds(10);

    /// <summary>How often the header's clock is redrawn while nothing else happens (paused, or a quiet stretch).</summary>
    private static readonly TimeSpan ReplayClockRedraw = TimeSpan.FromMilliseconds(250);

    private IReplayControls? _replay;
    private bool _replayTicking;

    /// <summary>The recording the UI replays; null: a live supervisor. Set once, before the UI runs.</summary>
    public IReplayControls? Replay
    {
        get => _replay;
        set
        {
            _replay = value;
            _hints.Replay = value is not null;
            _hints.SetNeedsDraw();
            ShowSessionName();
        }
    }

    /// <summary>Redraws the header's clock every <see cref="ReplayClockRedraw"/> while the window runs (called as it starts).</summary>
    private void TickReplayClock(Terminal.Gui.App.IApplication app)
    {
        if (_replay is null || _replayTicking)
        {
            return;
        }

        _replayTicking = true;
        app.AddTimeout(ReplayClockRedraw, () =>
        {
            ShowSessionName();
            return !_stoppingNow;
        });
    }

    /// <summary>In a replay, the header's clock as it is now: with every change on screen, so that what is shown and when read together.</summary>
    private void ShowReplayClock()
    {
        if (_replay is not null)
        {
            ShowSessionName();
        }
    }

    /// <summary>The player's actions; true when <paramref name="action"/> was one.</summary>
    private bool ReplayPlayerAct(IReplayControls replay, UiAction action)
    {
        switch (action)
        {
            case UiAction.ReplayPausePlay: replay.TogglePause(); break;
            case UiAction.ReplayBack: replay.SeekBy(-SeekStep); break;
            case UiAction.ReplayForward: replay.SeekBy(SeekStep); break;
            case UiAction.ReplayStart: replay.SeekToEdge(end: false); break;
            case UiAction.ReplayEnd: replay.SeekToEdge(end: true); break;
            case UiAction.ReplaySlower: replay.StepSpeed(-1); break;
            case UiAction.ReplayFaster: replay.StepSpeed(+1); break;
            default: return false;
        }

        if (!_header.MessageIsError)
        {
            _header.Say(null); // a note of another moment ("run ended"); a problem (the damage, a refusal) stays
        }

        ShowSessionName();
        return true;
    }

    /// <summary>What a key does instead in a replay: leaving closes the screen, acting is refused. True when handled here.</summary>
    private bool ReplayAct(IReplayControls replay, UiAction action)
    {
        if (ReplayPlayerAct(replay, action))
        {
            return true;
        }

        if (action is UiAction.Quit or UiAction.Interrupt)
        {
            AfterThisKey(DetachNow);
            return true;
        }

        if (action == UiAction.Detach)
        {
            _header.Say($"a replay has no session to leave running: {KeyFor(UiAction.Quit) ?? "Ctrl+C"} closes it");
            return true;
        }

        if (Acts(action))
        {
            _header.Say(replay.Refusal, error: true);
            return true;
        }

        return false;
    }
}
