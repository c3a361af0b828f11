using TuiProcManager.Tui.Hosting;

namespace TuiProcManager.Sessions.Replay;

/// <summary>The UI's player keys and header (<see cref="IReplayControls"/>) over a <see cref="ReplayClock"/>.</summary>
/// <param name="clock">The replay's clock.</param>
/// <param name="session">The recorded session's name.</param>
internal sealed class ReplayControls(ReplayClock clock, string session) : IReplayControls
{
    /// <inheritdoc />
    public string Status => clock.Describe(TimeZoneInfo.Local);

    /// <inheritdoc />
    public string Refusal => $"replay: {ReplaySupervisor.Refusal} (session {session} was recorded; q closes the replay)";

    /// <inheritdoc />
    public void TogglePause() => clock.TogglePause();

    /// <inheritdoc />
    public void SeekBy(TimeSpan by) => clock.SeekBy(by);

    /// <inheritdoc />
    public void SeekToEdge(bool end) => clock.SeekTo(end ? clock.End : clock.Start);

    /// <inheritdoc />
    public void StepSpeed(int direction) => clock.StepSpeed(direction);
}
