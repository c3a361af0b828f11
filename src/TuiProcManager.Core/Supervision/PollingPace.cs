using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using TuiProcManager.Core.Scheduling;

namespace TuiProcManager.Core.Supervision;

/// <summary>
/// When the workers are read: a resource sample every <see cref="SupervisorOptions.SampleInterval"/> for the
/// supervisor's whole life, and state polls while any worker is alive, fast while things change
/// (<see cref="SupervisorOptions.StatePollInterval"/>), slower once all is quiet
/// (<see cref="SupervisorOptions.QuietStatePollInterval"/>), not at all while it rests (below), every
/// <see cref="SupervisorOptions.WakePollInterval"/> in pause-on-wait mode, and soon after a spawn or a signal.
/// </summary>
/// <remarks>
/// <para>
/// Its members are called with the supervisor's gate held, on the thread that changed something (a spawn on
/// the launch thread, a signal or a mode switch on a caller's, an end on the I/O thread), except
/// <see cref="StartSampling"/> (the supervisor's constructor) and <see cref="Dispose"/> (shutdown). Its timers
/// run on the clock scheduler: they take the gate only to read or set the pace, and call the sampling round
/// without it, since a round reads /proc outside the gate.
/// </para>
/// <para>
/// A resource sample reads every state too. At the quiet pace the state polls are put a whole interval
/// after it, and the one that would come just before the next sample reads nothing: one reading fewer a
/// second (a fifth of an idle supervisor's /proc reading) and still one at least every
/// <see cref="SupervisorOptions.QuietStatePollInterval"/>.
/// </para>
/// <para>
/// Resting: while nobody watches (<see cref="SetWatched"/>), in parallel mode, with nothing changed and no
/// process run (as the probe tells) for <see cref="SupervisorOptions.QuietAfter"/>, the state polls stop and
/// the resource samples alone read the states: one wake-up of the clock thread a second instead of four,
/// which was most of an idle session server's CPU. A state change is then recorded up to a sample interval
/// late. Rest is decided after a resource sample only; anything that changes (a state, a spawn, a signal, a
/// process that ran, a watcher, a mode switch) restarts the polls at once. Pause-on-wait mode never rests.
/// </para>
/// </remarks>
/// <param name="gate">The supervisor's gate.</param>
/// <param name="clock">The clock scheduler: every timer runs on it.</param>
/// <param name="options">The intervals.</param>
/// <param name="workers">The records: state polls run while any worker is live.</param>
/// <param name="slotScheduler">The mode: pause-on-wait polls at the wake pace.</param>
/// <param name="sampleRound">One sampling round, with resources or only states; takes the gate itself.</param>
internal sealed class PollingPace(
    Lock gate, IScheduler clock, SupervisorOptions options, WorkerTable workers, SlotScheduler slotScheduler, Action<bool> sampleRound) : IDisposable
{
    private readonly SerialDisposable _stateTimer = new();
    private IDisposable? _sampleTimer;
    private bool _pollRequested;
    private DateTimeOffset _lastStateActivity; // the last state change, spawn or signal: fast polling until QuietAfter
    private DateTimeOffset _nextSampleAt; // when the next resource sample is due
    private DateTimeOffset _lastRun; // the last round that saw a process that had run
    private bool _watched = true; // someone watches the workers: never rest
    private bool _resting; // the state polls stopped because all is at rest (not because no worker is live)

    /// <summary>Starts the resource samples, for the supervisor's whole life.</summary>
    public void StartSampling()
    {
        lock (gate)
        {
            _nextSampleAt = clock.Now + options.SampleInterval;
        }

        _sampleTimer = clock.Schedule(options.SampleInterval, again =>
        {
            sampleRound(true);
            lock (gate)
            {
                _nextSampleAt = clock.Now + options.SampleInterval;
                if (IsRestingPace() && _stateTimer.Disposable is not null && !_stateTimer.IsDisposed)
                {
                    _stateTimer.Disposable = null;
                    _resting = true;
                }
                else if (IsQuietPace() && _stateTimer.Disposable is not null && !_stateTimer.IsDisposed)
                {
                    _stateTimer.Disposable = SchedulePolls(options.QuietStatePollInterval);
                }
            }

            again(options.SampleInterval);
        });
    }

    /// <summary>
    /// State polling, while any worker is alive (stopped by <see cref="StopStatePolling"/>); <paramref name="restart"/>
    /// puts a new pace into effect at once (a mode switch).
    /// </summary>
    public void StartStatePolling(bool restart = false)
    {
        RequestPoll();
        if (restart && !_stateTimer.IsDisposed)
        {
            _stateTimer.Disposable = null;
        }

        if (_stateTimer.Disposable is null && !_stateTimer.IsDisposed && workers.Live.Count > 0)
        {
            _stateTimer.Disposable = SchedulePolls(NextStatePoll());
        }
    }

    /// <summary>No worker is alive: nothing to poll until the next spawn.</summary>
    public void StopStatePolling()
    {
        _stateTimer.Disposable = null;
        _resting = false;
    }

    /// <summary>Reads states soon, not at the next tick: after a spawn or a signal. Coalesced.</summary>
    public void RequestPoll()
    {
        NoteActivity(clock.Now);
        if (!_pollRequested)
        {
            _pollRequested = true;
            clock.Schedule(TimeSpan.FromMilliseconds(2), () =>
            {
                lock (gate)
                {
                    _pollRequested = false;
                }

                sampleRound(false);
            });
        }
    }

    /// <summary>Something changed at <paramref name="at"/> (a state, a spawn, a signal): fast polling until <see cref="SupervisorOptions.QuietAfter"/>.</summary>
    public void NoteActivity(DateTimeOffset at)
    {
        _lastStateActivity = at;
        WakeFromRest();
    }

    /// <summary>A round read at <paramref name="at"/> saw a process that had run: no rest until <see cref="SupervisorOptions.QuietAfter"/>.</summary>
    public void NoteRunning(DateTimeOffset at)
    {
        _lastRun = at;
        WakeFromRest();
    }

    /// <summary>Whether anyone watches, as last told.</summary>
    public bool IsWatched => _watched;

    /// <summary>Whether anyone watches the workers (a session's clients): only while nobody does may the polls rest.</summary>
    public void SetWatched(bool watched)
    {
        _watched = watched;
        if (watched)
        {
            WakeFromRest();
        }
    }

    /// <summary>Stops both timers (shutdown).</summary>
    public void Dispose()
    {
        _sampleTimer?.Dispose();
        _stateTimer.Dispose();
    }

    /// <summary>State polls from <paramref name="first"/> on, each at the pace of the moment. Caller holds the gate.</summary>
    private IDisposable SchedulePolls(TimeSpan first) =>
        clock.Schedule(first, again =>
        {
            if (!ResourceSampleDueSoon())
            {
                sampleRound(false);
            }

            again(NextStatePoll());
        });

    /// <summary>The polls restart at the pace of the moment, if they rest. Caller holds the gate.</summary>
    private void WakeFromRest()
    {
        if (_resting)
        {
            _resting = false;
            if (_stateTimer.Disposable is null && !_stateTimer.IsDisposed && workers.Live.Count > 0)
            {
                _stateTimer.Disposable = SchedulePolls(NextStatePoll());
            }
        }
    }

    /// <summary>Polling at the quiet pace: parallel mode, nothing changed for <see cref="SupervisorOptions.QuietAfter"/>. Caller holds the gate.</summary>
    private bool IsQuietPace() => slotScheduler.Mode == SchedulingMode.Parallel && clock.Now - _lastStateActivity >= options.QuietAfter;

    /// <summary>No polls at all: the quiet pace, nobody watching, and no process run for <see cref="SupervisorOptions.QuietAfter"/>. Caller holds the gate.</summary>
    private bool IsRestingPace() => !_watched && IsQuietPace() && clock.Now - _lastRun >= options.QuietAfter;

    /// <summary>At the quiet pace, the resource sample (which reads every state) comes within half a poll: this poll need not read.</summary>
    private bool ResourceSampleDueSoon()
    {
        lock (gate)
        {
            return IsQuietPace() && _nextSampleAt - clock.Now < options.QuietStatePollInterval / 2;
        }
    }

    /// <summary>The interval to the next state poll: fast while things change, slower once all is quiet.</summary>
    private TimeSpan NextStatePoll()
    {
        lock (gate)
        {
            return slotScheduler.Mode == SchedulingMode.PauseOnWait ? options.WakePollInterval
                : IsQuietPace() ? options.QuietStatePollInterval
                : options.StatePollInterval;
        }
    }
}
