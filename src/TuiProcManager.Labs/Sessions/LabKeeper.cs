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
/// orders them, so an answer is judged on every event folded before it. Progress is pushed outside the lock,
/// each time the whole of it (a late one replaces an earlier, never the other way round: pushes are made
/// under a second lock in the order of the changes).
/// </remarks>
public sealed class LabKeeper : ILabAuthority, IDisposable
{
    private readonly Lock _lock = new();
    private readonly Lock _pushing = new();
    private readonly LabSession _session;
    private readonly ProgressStore _store;
    private readonly string _key;
    private readonly TimeProvider _time;
    private readonly BehaviorSubject<LabProgress> _progress;
    private long _changes; // under _lock: the order of the changes
    private long _pushed; // under _pushing: the last change pushed

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

    /// <inheritdoc/>
    public IObservable<LabProgress> Progress => _progress.AsObservable();

    /// <summary>Folds <paramref name="e"/> in; a step it completes is saved and pushed at once.</summary>
    public void Observe(SupervisorEvent e)
    {
        (LabProgress, long)? changed = null;
        lock (_lock)
        {
            if (_session.Observe(e).Count > 0)
            {
                changed = SaveLocked();
            }
        }

        Push(changed);
    }

    /// <inheritdoc/>
    public LabChange Hint(string step)
    {
        (LabProgress, long)? changed = null;
        LabChange result;
        lock (_lock)
        {
            if (NotCurrent(step) is { } problem)
            {
                result = new LabChange(NowLocked(), problem, null);
            }
            else if (_session.ShowHint() is null)
            {
                result = new LabChange(NowLocked(), "no more hints for this step", null);
            }
            else
            {
                Record?.Invoke(new LabRecord(LabRecordKind.Hint, _time.GetUtcNow(), Lab.Id, step, null));
                changed = SaveLocked();
                result = new LabChange(changed.Value.Item1, null, null);
            }
        }

        Push(changed);
        return result;
    }

    /// <inheritdoc/>
    public LabChange Answer(string step, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        (LabProgress, long)? changed = null;
        LabChange result;
        lock (_lock)
        {
            if (NotCurrent(step) is { } problem)
            {
                result = new LabChange(NowLocked(), problem, null);
            }
            else
            {
                AnswerResult answer = _session.Answer(text, _time.GetUtcNow());
                if (answer.Outcome is AnswerOutcome.Right or AnswerOutcome.Wrong)
                {
                    Record?.Invoke(new LabRecord(LabRecordKind.Answer, _time.GetUtcNow(), Lab.Id, step, text));
                    changed = SaveLocked(); // a wrong answer counts too
                }

                result = new LabChange(changed?.Item1 ?? NowLocked(), null, answer);
            }
        }

        Push(changed);
        return result;
    }

    /// <summary>Saves the progress as of now (the time spent counted up to now): at the session's end.</summary>
    /// <returns>The problem, or null.</returns>
    public string? Save()
    {
        (LabProgress, long) saved;
        lock (_lock)
        {
            saved = SaveLocked();
        }

        Push(saved);
        return SaveProblem;
    }

    /// <summary>Completes <see cref="Progress"/>: every client's stream of it ends.</summary>
    public void Dispose()
    {
        lock (_pushing)
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

    /// <summary>Saves the progress now; it and its place in the order of changes, for <see cref="Push"/>.</summary>
    private (LabProgress, long) SaveLocked()
    {
        LabProgress now = NowLocked();
        SaveProblem = _store.Save(_key, now);
        return (now, ++_changes);
    }

    private void Push((LabProgress Progress, long Order)? changed)
    {
        if (changed is not { } change)
        {
            return;
        }

        lock (_pushing)
        {
            // Two changes made one after the other may reach here the other way round: the later one is
            // pushed, the earlier one (which it contains) is not pushed after it.
            if (!_progress.IsDisposed && change.Order > _pushed)
            {
                _pushed = change.Order;
                _progress.OnNext(change.Progress);
            }
        }
    }
}
