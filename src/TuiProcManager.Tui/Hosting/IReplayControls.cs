namespace TuiProcManager.Tui.Hosting;

/// <summary>
/// The UI shows a recording (<c>tuiproc replay</c>), not a live session: its keys move the replay's clock
/// (space, ← →, [ ], Home, End), its header shows that clock, every key that would act is refused, and
/// leaving (q, Ctrl+C, a signal) only closes the screen. Called on the UI thread.
/// </summary>
public interface IReplayControls
{
    /// <summary>The replay's state for the header: the recording's clock, where it is in the recording, playing or paused, the speed.</summary>
    string Status { get; }

    /// <summary>The one line a key that would act gets.</summary>
    string Refusal { get; }

    /// <summary>Space: pauses, or plays on (from the start again once at the end).</summary>
    void TogglePause();

    /// <summary>← and →: moves by <paramref name="by"/>, within the recording.</summary>
    void SeekBy(TimeSpan by);

    /// <summary>Home (false) and End (true): to the recording's first or last moment.</summary>
    void SeekToEdge(bool end);

    /// <summary>[ (-1) and ] (+1): one step slower or faster.</summary>
    void StepSpeed(int direction);
}
