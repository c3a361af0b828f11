using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Text;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.Recording.V1;
using TuiProcManager.Sessions.Server;

namespace TuiProcManager.Sessions.Recording;

/// <summary>
/// A session's flight recorder: every event of the session, from its first, and its lab's answers and
/// hints, into segment files in the session's recording directory (<see cref="RecordingsFolder"/>; the
/// format: <see cref="RecordingFormat"/>), each segment opening with a keyframe, the oldest deleted past
/// the cap (<see cref="RecorderSettings"/>). <see cref="RecordingReader"/> reads it.
/// </summary>
/// <remarks>
/// <para>
/// A lossless consumer (<see cref="Supervisor.LosslessBatches"/>) on a thread of its own, as the session's
/// events file is: a slow disk holds back the workers that flood, nothing is lost. Every method but
/// <see cref="Write(LabRecord)"/>, <see cref="Ending"/>, <see cref="CloseAsync"/> and
/// <see cref="Dispose"/> runs on that thread, which owns every field below but the completion.
/// </para>
/// <para>
/// A keyframe is the history a screen that attached at that point would get, taken from a
/// <see cref="SessionHistory"/> this recorder feeds itself from its own batches: the server's history is a
/// tap, ahead of any lossless consumer, so it would not match the recorder's position. It shares the event
/// objects with the server's history; what it costs of its own is its queues, and the lines the server's
/// history already let go while the recorder was behind (README, Benchmarks).
/// </para>
/// <para>
/// A write that fails (a full disk) stops the recording for good: said once through <see cref="Stopped"/>,
/// the file closed, the subscription dropped, so that the recorder never holds a worker afterwards.
/// </para>
/// </remarks>
public sealed partial class SessionRecorder : IDisposable
{
    /// <summary>Who consumes, as <see cref="WorkerOutputHeld"/> names it.</summary>
    public const string ConsumerName = "the flight recorder";

    /// <summary>How long closing may take once the stream has completed (a slow disk).</summary>
    public static readonly TimeSpan CloseGrace = TimeSpan.FromSeconds(5);

    private readonly RecorderSettings _settings;
    private readonly Func<string, Stream> _open;
    private readonly SegmentHeader _header;
    private readonly Queue<(string Path, long Bytes)> _closedSegments = new(); // oldest first
    private readonly SingleAssignmentDisposable _subscription = new();
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly byte[] _prefix = new byte[RecordingFormat.PrefixBytes];
    private SessionHistory? _history;
    private LabState? _lab; // the lab's progress last written: written again after each segment's keyframe
    private EventLoopScheduler? _thread;
    private SegmentWriter? _segment;
    private long _sinceKeyframe;
    private long _keyframeEvents;
    private long _lastSequence;
    private DateTimeOffset _lastTime;
    private bool _done;
    private volatile string? _why;
    private volatile string? _problem;

    /// <summary>A recorder into <paramref name="directory"/>, which exists and is empty; not started.</summary>
    /// <param name="directory">The recording's directory (<see cref="RecordingsFolder.Create"/>).</param>
    /// <param name="session">The session's name.</param>
    /// <param name="started">When the session's server started.</param>
    /// <param name="serverPid">The server's pid.</param>
    /// <param name="settings">Caps and keyframes; the defaults when null.</param>
    /// <param name="open">Opens a new segment file (tests: a disk that fills); <see cref="SegmentWriter.OpenFile"/> when null.</param>
    /// <param name="limits">What a keyframe keeps: the session history's limits, the same as the server's by default.</param>
    public SessionRecorder(string directory, string session, DateTimeOffset started, int serverPid, RecorderSettings? settings = null,
        Func<string, Stream>? open = null, HistoryLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentNullException.ThrowIfNull(session);
        Directory = directory;
        _settings = settings ?? new RecorderSettings();
        _open = open ?? SegmentWriter.OpenFile;
        _history = new SessionHistory(limits);
        _header = new SegmentHeader { Session = session, Started = started.ToWire(), ServerPid = serverPid, Program = ProtocolVersion.Program };
    }

    /// <summary>The recording's directory.</summary>
    public string Directory { get; }

    /// <summary>Why the recording stopped before the session's end (one line), or null.</summary>
    public string? Problem => _problem;

    /// <summary>Called once, on the recorder's thread, with <see cref="Problem"/> when the recording stops early.</summary>
    public Action<string>? Stopped { get; set; }

    /// <summary>Completes once the last segment is closed (the stream ended, or the recording stopped).</summary>
    public Task Completion => _completion.Task;

    /// <summary>Records every event of <paramref name="supervisor"/> from now on. Start it before anything can spawn.</summary>
    public void Start(Supervisor supervisor)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        Start(thread => supervisor.LosslessBatches(ConsumerName, thread));
    }

    /// <summary>Records every batch of <paramref name="batches"/>, delivered on the recorder's thread (the scheduler it is given).</summary>
    public void Start(Func<IScheduler, IObservable<IReadOnlyList<SupervisorEvent>>> batches)
    {
        ArgumentNullException.ThrowIfNull(batches);
        _thread = new EventLoopScheduler(start => new Thread(start) { IsBackground = true, Name = "tuiproc recorder" });
        _subscription.Disposable = batches(_thread).Subscribe(OnBatch, OnFailed, OnCompleted);
    }

    /// <summary>Records a lab's answer or hint, between two batches, from any thread.</summary>
    public void Write(LabRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            _thread?.Schedule(() => Guarded(() => WriteLab(record)));
        }
        catch (ObjectDisposedException)
        {
            // after the session's end: nothing more is recorded
        }
    }

    /// <summary>
    /// Records the lab's progress as decided now, between two batches, from any thread; kept to be written
    /// again at the start of every later segment (and written with the first, when none is open yet).
    /// </summary>
    public void Write(RecordedLab lab)
    {
        ArgumentNullException.ThrowIfNull(lab);
        LabState frame = lab.ToFrame();
        try
        {
            _thread?.Schedule(() => Guarded(() => WriteLabState(frame)));
        }
        catch (ObjectDisposedException)
        {
            // after the session's end: nothing more is recorded
        }
    }

    /// <summary>Says why the session ends, for the recording's end frame (call before the supervisor stops).</summary>
    public void Ending(string why) => _why = why;

    /// <summary>
    /// Once the supervisor's streams have completed: waits, at most <see cref="CloseGrace"/>, for the
    /// recording to be closed. Why it is not whole, or null.
    /// </summary>
    public async Task<string?> CloseAsync()
    {
        if (_thread is null)
        {
            return null;
        }

        Task done = _completion.Task;
        if (await Task.WhenAny(done, Task.Delay(CloseGrace)).ConfigureAwait(false) != done)
        {
            return $"{ConsumerName} did not finish writing {Directory} within {CloseGrace.TotalSeconds:0} s: its last events may be missing";
        }

        return _problem;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _subscription.Dispose();
        if (_thread is { } thread)
        {
            using ManualResetEventSlim closed = new();
            try
            {
                thread.Schedule(() =>
                {
                    Close(null);
                    closed.Set();
                });
                _ = closed.Wait(CloseGrace);
            }
            catch (ObjectDisposedException)
            {
                // disposed twice
            }

            thread.Dispose();
        }
    }

    private void OnBatch(IReadOnlyList<SupervisorEvent> batch) => Guarded(() => Record(batch));

    private void Record(IReadOnlyList<SupervisorEvent> batch)
    {
        if (_done || batch.Count == 0)
        {
            return;
        }

        int from = 0;
        if (_segment is null)
        {
            // The stream's first event is the snapshot the session starts from: the first keyframe is it.
            Keep(batch[0]);
            from = 1;
            OpenSegment(1);
        }

        for (int i = from; i < batch.Count; i++)
        {
            Keep(batch[i]);
        }

        WriteEvents(batch, from);
        _sinceKeyframe += batch.Count - from;
        if (_settings.KeyframeDue(_sinceKeyframe, _keyframeEvents))
        {
            // A segment ends only where a keyframe is due: a history larger than a segment (a session of
            // thousands of workers) would otherwise start a segment, with its keyframe, at every batch.
            if (_segment!.Length >= _settings.SegmentBytes)
            {
                NextSegment();
            }
            else
            {
                WriteKeyframe();
            }
        }

        _segment!.Flush();
    }

    private void Keep(SupervisorEvent e)
    {
        _history!.OnEvent(e);
        _lastSequence = e.Sequence;
        _lastTime = e.Time;
    }

    private void OnCompleted() => Guarded(() =>
    {
        if (!_done && _segment is not null)
        {
            _segment.Write(FrameKind.End, [], new RecordingEnd { Time = _lastTime.ToWire(), Why = _why ?? "the session's events ended" });
        }

        Close(null);
    });

    private void OnFailed(Exception error) => Close("the session's events failed: " + error.Message);

    /// <summary>Runs <paramref name="step"/>; a failed write stops the recording.</summary>
    private void Guarded(Action step)
    {
        try
        {
            step();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            Close(FileErrorText.Of(e));
        }
    }

    /// <summary>Closes the segment (once); with <paramref name="failure"/>, the recording stopped early and it is said.</summary>
    private void Close(string? failure)
    {
        if (_done)
        {
            return;
        }

        _done = true;
        try
        {
            _segment?.Dispose();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            failure ??= FileErrorText.Of(e); // the last bytes could not be written
        }

        _segment = null;
        _history = null; // its memory goes with the recording
        if (failure is not null)
        {
            _problem = $"{ConsumerName} stopped: {failure}; the recording in {Directory} ends at {_lastTime.UtcDateTime:HH:mm:ss} UTC, and the workers go on";
            _subscription.Dispose(); // never holds a worker again
            Stopped?.Invoke(_problem);
        }

        _completion.TrySetResult();
    }
}
