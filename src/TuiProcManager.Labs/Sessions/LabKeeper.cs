using System.Reactive.Linq;
using System.Reactive.Subjects;
using TuiProcManager.Core.Events;
using TuiProcManager.Labs.Format;

namespace TuiProcManager.Labs.Sessions;

/// <summary>
/// The lab of a session server: a <see cref="LabSession"/> fed every event of the session's lossless stream
/// (so that what happened while nobody was attached counts), the student's hints and answers from any
/// client, and the progress saved after every change. The one <see cref="ILabAuthority"/> its clients share.
/// </summary>
/// <remarks>
/// Thread-safe: events come on the stream's thread, hints and answers on the server's call threads; one lock
/// orders them, so an answer is judged on every event folded before it. Progress is pushed, the whole of it,
/// under that lock, so that watchers see the changes in their order: a watcher must only hand it on (a
/// server's watch writes it to a channel), never block or call back.
/// </remarks>
public sealed class LabKeeper : ILabAuthority, IDisposable
{
    private readonly Lock _lock = new();
    private readonly LabSession _session;
    private readonly ProgressStore _store;
    private readonly string _key;
    private readonly TimeProvider _time;
    private readonly BehaviorSubject<LabProgress> _progress;

    /// <summary>Opens <paramref name="lab"/>, resuming <paramref name="saved"/>.</summary>
    /// <param name="lab">The lab.</param>
    /// <param name="store">Where progress is saved.</param>
    /// <param name="key">The lab's name in <paramref name="store"/>.</param>
    /// <param name="saved">Progress from earlier sessions, or null.</param>
    /// <param name="time">The clock of the times saved.</param>
    /// <param name="cores">The machine's cores (the steps' texts name them).</param>
    public LabKeeper(Lab lab, ProgressStore store, string key, LabProgress? saved, TimeProvider time, int cores)
    {
        ArgumentNullException.ThrowIfNull(lab);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(time);
        _store = store;
        _key = key;
        _time = time;
        _session = new LabSession(lab, saved, time.GetUtcNow(), cores);
        _progress = new BehaviorSubject<LabProgress>(_session.Progress(time.GetUtcNow()));
    }

    /// <summary>The lab.</summary>
    public Lab Lab => _session.Lab;

    /// <summary>Answers and hints as they are given, for an events file; null: none kept.</summary>
    public Action<LabRecord>? Record { get; set; }

    /// <summary>The last save's problem (one line), or null when the last save worked.</summary>
    public string? SaveProblem { get; private set; }

    /// <summary>
    /// Called with <see cref="SaveProblem"/> when a save fails with a problem other than the last save's (not
    /// again for every step that fails the same way), under the keeper's lock: it must not block.
    /// </summary>
    public Action<string>? SaveFailed { get; set; }

    /// <inheritdoc/>
    public IObservable<LabProgress> Progress => _progress.AsObservable();

    /// <summary>The progress now (the last <see cref="Progress"/> pushed); any thread.</summary>
    public LabProgress Current => _progress.Value;

    /// <summary>Folds every event of <paramref name="batch"/> in, in order (<see cref="Observe"/>).</summary>
    public void ObserveAll(IReadOnlyList<SupervisorEvent> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        foreach (SupervisorEvent e in batch)
        {
            Observe(e);
        }
    }

    /// <summary>Folds <paramref name="e"/> in; a step it completes is saved and pushed at once.</summary>
    public void Observe(SupervisorEvent e)
    {
        lock (_lock)
        {
            if (_session.Observe(e).Count > 0)
            {
                _ = SaveLocked();
            }
        }
    }

    /// <inheritdoc/>
    public LabChange Hint(string step)
    {
        lock (_lock)
        {
            if (NotCurrent(step) is { } problem)
            {
                return new LabChange(NowLocked(), problem, null);
            }

            if (_session.ShowHint() is null)
            {
                return new LabChange(NowLocked(), "no more hints for this step", null);
            }

            Record?.Invoke(new LabRecord(LabRecordKind.Hint, _time.GetUtcNow(), Lab.Id, step, null));
            return new LabChange(SaveLocked(), null, null);
        }
    }

    /// <inheritdoc/>
    public LabChange Answer(string step, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_lock)
        {
            if (NotCurrent(step) is { } problem)
            {
                return new LabChange(NowLocked(), problem, null);
            }

            AnswerResult answer = _session.Answer(text, _time.GetUtcNow());
            if (answer.Outcome is not (AnswerOutcome.Right or AnswerOutcome.Wrong))
            {
                return new LabChange(NowLocked(), null, answer); // not counted
            }

            Record?.Invoke(new LabRecord(LabRecordKind.Answer, _time.GetUtcNow(), Lab.Id, step, text));
            return new LabChange(SaveLocked(), null, answer); // a wrong answer counts too
        }
    }

    /// <summary>Saves the progress as of now (the time spent counted up to now): at the session's end.</summary>
    /// <returns>The problem, or null.</returns>
    public string? Save()
    {
        lock (_lock)
        {
            _ = SaveLocked();
            return SaveProblem;
        }
    }

    /// <summary>Completes <see cref="Progress"/>: every client's stream of it ends.</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            _progress.OnCompleted();
            _progress.Dispose();
        }
    }

    /// <summary>Why <paramref name="step"/> cannot take a hint or an answer: the lab moved on while the student looked.</summary>
    private string? NotCurrent(string step)
    {
        if (_session.IsFinished)
        {
            return "the lab is finished: E saves a report";
        }

        string current = Lab.Steps[_session.Current].Id;
        return step == current ? null : $"step {_session.Current + 1} is the current step now (the events did the one you answered): look again";
    }

    private LabProgress NowLocked() => _session.Progress(_time.GetUtcNow());

    /// <summary>Saves the progress now, and pushes it to every watcher (under the lock: in the order of the changes).</summary>
    private LabProgress SaveLocked()
    {
        LabProgress now = NowLocked();
        string? before = SaveProblem;
        SaveProblem = _store.Save(_key, now);
        if (SaveProblem is { } problem && problem != before)
        {
            SaveFailed?.Invoke(problem);
        }

        if (!_progress.IsDisposed)
        {
            _progress.OnNext(now);
        }

        return now;
    }
}
