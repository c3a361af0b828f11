using System.Reactive;
using System.Reactive.Linq;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Sessions.Recording;

namespace TuiProcManager.Sessions.Replay;

/// <summary>
/// A recorded session's lab (<see cref="RecordingReader.LabStates"/>) as the UI's lab authority: the
/// progress as the session's server decided it at the moment <see cref="ReplayClock"/> shows, pushed when
/// that moment reaches a change (playing, or a seek either way). Hints and answers are refused: the lab
/// panel ticks as it did, never decided again (the lab's file may have changed since).
/// </summary>
public sealed class ReplayLab : ILabAuthority
{
    /// <summary>How often the clock is looked at while playing: the lab panel's step is at most this late.</summary>
    public static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(100);

    private readonly IReadOnlyList<RecordedLab> _states;
    private readonly ReplayClock _clock;

    /// <param name="states">The lab's states, in order of time; at least one.</param>
    /// <param name="clock">The replay's clock.</param>
    public ReplayLab(IReadOnlyList<RecordedLab> states, ReplayClock clock)
    {
        ArgumentNullException.ThrowIfNull(states);
        ArgumentOutOfRangeException.ThrowIfZero(states.Count);
        _states = states;
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>The lab's state at the clock's moment (the first before the first change: the lab was open from the start).</summary>
    public RecordedLab Current => At(_clock.Now);

    /// <inheritdoc />
    public IObservable<LabProgress> Progress =>
        Observable.Interval(Tick)
            .Select(_ => Unit.Default)
            .Merge(Observable.FromEvent(h => _clock.Changed += h, h => _clock.Changed -= h))
            .Select(_ => Current)
            .StartWith(Current)
            .DistinctUntilChanged()
            .Select(state => state.Progress);

    /// <inheritdoc />
    public LabChange Hint(string step) => new(Current.Progress, ReplaySupervisor.Refusal, null);

    /// <inheritdoc />
    public LabChange Answer(string step, string text) => new(Current.Progress, ReplaySupervisor.Refusal, null);

    /// <summary>The last state at or before <paramref name="time"/>; the first before it.</summary>
    public RecordedLab At(DateTimeOffset time)
    {
        int low = 0, high = _states.Count - 1, found = 0;
        while (low <= high)
        {
            int middle = (low + high) / 2;
            if (_states[middle].Time <= time)
            {
                found = middle;
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return _states[found];
    }
}
