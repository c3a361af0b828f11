using System.Buffers.Binary;
using Google.Protobuf;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Text;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Protocol;
using TuiProcManager.Sessions.Server;

namespace TuiProcManager.Sessions.Recording;

/// <summary>
/// Reads a session's flight recording (<see cref="SessionRecorder"/>): a recording directory, or one segment
/// file. <see cref="Open"/> indexes it (every frame's header and CRC, no event decoded); then
/// <see cref="HistoryAt"/> gives the screen at any moment, and <see cref="EventsAfter"/> the events that
/// follow, for playing on.
/// </summary>
/// <remarks>
/// <para>
/// Damage (a frame cut short by a killed writer, a checksum that does not match, a length beyond any
/// frame's, a segment missing or not a segment) ends the recording where it is: what comes before is read,
/// and <see cref="Damage"/> says it in one line. A path that holds nothing to replay is refused, in one
/// line. No exception reaches the caller for a bad file, and no length field is allocated before it is
/// checked against the file and <see cref="RecordingFormat.MaxPayloadBytes"/>.
/// </para>
/// <para>
/// Thread-safe: the index does not change after <see cref="Open"/>, and every reading opens the files
/// again. A recording still being written can be read: what was written when it was opened. Its writer may
/// delete the oldest segment meanwhile (rotation): a reading that finds it gone stops, said by
/// <see cref="ReadProblem"/>.
/// </para>
/// <para>
/// Seek cost: <see cref="HistoryAt"/> decodes one keyframe and the events after it up to the moment; the
/// writer's rule (<see cref="RecorderSettings.KeyframeDue"/>) bounds those to 20,000 or twice the keyframe.
/// </para>
/// </remarks>
public sealed class RecordingReader
{
    private readonly List<SegmentIndex> _segments;
    private readonly List<KeyframeIndex> _keyframes;
    private readonly HistoryLimits _limits;
    private volatile string? _readProblem;

    private RecordingReader(string path, List<SegmentIndex> segments, string? damage, HistoryLimits limits)
    {
        Path = path;
        _segments = segments;
        _limits = limits;
        Damage = damage;
        _keyframes = [.. segments.SelectMany((s, i) => s.Keyframes.Select(k => new KeyframeIndex(i, k.Offset, k.Sequence, k.Time, k.Events, k.Parts)))];
        SegmentIndex first = segments[0];
        Session = first.Header!.Session;
        ServerPid = first.Header.ServerPid;
        Started = first.Header.Started.ToCore("started") ?? _keyframes[0].Time;
        StartTime = _keyframes[0].Time;
        FirstSequence = _keyframes[0].Sequence;
        LastSequence = segments.Max(s => s.LastSequence);
        LabRecords = [.. segments.SelectMany(s => s.Lab)];
        LabStates = [.. segments.SelectMany(s => s.LabStates)];
        // The lab's last answer may come after the last event (nothing ran after it): the recording lasts to it.
        EndTime = new[] { segments.Select(s => s.LastTime ?? StartTime).Max() }
            .Concat(LabStates.Select(s => s.Time)).Concat(LabRecords.Select(r => r.Time)).Max();
        if (segments[^1].End is { } end && damage is null)
        {
            EndedBecause = end.Why;
        }
    }

    /// <summary>The path opened.</summary>
    public string Path { get; }

    /// <summary>The session's name.</summary>
    public string Session { get; }

    /// <summary>The session's server's pid.</summary>
    public int ServerPid { get; }

    /// <summary>When the session's server started (the recording's first segment may have been rotated away since).</summary>
    public DateTimeOffset Started { get; }

    /// <summary>The first moment that can be replayed: the oldest keyframe's.</summary>
    public DateTimeOffset StartTime { get; }

    /// <summary>The last event's time, or the lab's last answer or change when later.</summary>
    public DateTimeOffset EndTime { get; }

    /// <summary>The sequence of the first moment (the oldest keyframe's).</summary>
    public long FirstSequence { get; }

    /// <summary>The last event's sequence.</summary>
    public long LastSequence { get; }

    /// <summary>Why the session ended, when the recording is whole to its end; null when it stops short (its server killed, or still running).</summary>
    public string? EndedBecause { get; }

    /// <summary>True when the oldest segments were deleted (the cap): the recording starts after the session did.</summary>
    public bool Rotated => _segments[0].Number > 1;

    /// <summary>
    /// The damage the recording ends at, one line (<c>the recording X is damaged at byte N of 000003.tpr: …;
    /// replaying what comes before</c>), or null.
    /// </summary>
    public string? Damage { get; }

    /// <summary>The first problem met by a reading after <see cref="Open"/> (a segment rotated away meanwhile), or null.</summary>
    public string? ReadProblem => _readProblem;

    /// <summary>The lab's answers and hints, in order (at most <see cref="SegmentScanner.MaxLabEntries"/>).</summary>
    public IReadOnlyList<LabRecord> LabRecords { get; }

    /// <summary>
    /// The session's lab as its server decided it, in order of time: the first when the recording started
    /// (or the segment left after a rotation began), then one at each change. Empty: the session had no lab.
    /// </summary>
    public IReadOnlyList<RecordedLab> LabStates { get; }

    /// <summary>Opens and indexes the recording at <paramref name="path"/> (a directory, or one segment file).</summary>
    /// <param name="path">The recording.</param>
    /// <param name="refusal">Why it cannot be read at all, one line; null when opened.</param>
    /// <param name="limits">The history a moment keeps; a session's by default.</param>
    /// <returns>The reader, or null (then <paramref name="refusal"/>).</returns>
    public static RecordingReader? Open(string path, out string? refusal, HistoryLimits? limits = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        try
        {
            return OpenOrRefuse(path, out refusal, limits ?? new HistoryLimits());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            refusal = $"cannot read the recording {path}: {FileErrorText.Of(e)}";
            return null;
        }
    }

    /// <summary>
    /// The session at <paramref name="time"/>: the nearest keyframe at or before it, then every event after
    /// it up to <paramref name="time"/>, kept as a session's history keeps them (so the result is bounded).
    /// Before <see cref="StartTime"/>: the first moment; past <see cref="EndTime"/>: the last.
    /// </summary>
    public RecordedMoment HistoryAt(DateTimeOffset time)
    {
        int at = _keyframes.FindLastIndex(k => k.Time <= time);
        KeyframeIndex keyframe = _keyframes[Math.Max(at, 0)];
        SessionHistory history = new(_limits);
        long sequence = keyframe.Sequence;
        DateTimeOffset reached = keyframe.Time;
        Keyframe(keyframe, history);

        foreach (SupervisorEvent e in Read(keyframe, keyframe.Sequence, stopAfter: time))
        {
            history.OnEvent(e);
            sequence = e.Sequence;
            reached = e.Time;
        }

        return new RecordedMoment(history.Until(sequence, TimeSpan.Zero) ?? [], sequence, reached);
    }

    /// <summary>
    /// Every event after <paramref name="sequence"/>, in order, to the recording's end (or its damage), read as
    /// it is enumerated. Before <see cref="FirstSequence"/>: from the first moment on.
    /// </summary>
    public IEnumerable<SupervisorEvent> EventsAfter(long sequence)
    {
        int at = _keyframes.FindLastIndex(k => k.Sequence <= sequence);
        KeyframeIndex keyframe = _keyframes[Math.Max(at, 0)];
        return Read(keyframe, Math.Max(sequence, keyframe.Sequence), stopAfter: null);
    }

    /// <summary>Folds the events of <paramref name="keyframe"/> into <paramref name="history"/>: a snapshot of the session's start, then the history it kept.</summary>
    private void Keyframe(KeyframeIndex keyframe, SessionHistory history)
    {
        List<SupervisorEvent> events = []; // a part's: not the whole keyframe at once (22,500 references in the benchmark's)
        SegmentIndex segment = _segments[keyframe.Segment];
        Guarded(segment, () =>
        {
            using FrameCursor cursor = new(segment.Path, keyframe.Offset, segment.ValidBytes);
            for (int part = 0; part < keyframe.Parts && cursor.Next(); part++)
            {
                events.Clear();
                Decode(cursor.PayloadFrom(RecordingFormat.PrefixBytes), events, after: long.MinValue, stopAfter: null);
                foreach (SupervisorEvent e in events)
                {
                    history.OnEvent(e);
                }
            }
        });
    }

    /// <summary>The events after <paramref name="after"/> from <paramref name="keyframe"/> on, across segments; up to <paramref name="stopAfter"/> when set.</summary>
    private IEnumerable<SupervisorEvent> Read(KeyframeIndex keyframe, long after, DateTimeOffset? stopAfter)
    {
        List<SupervisorEvent> events = [];
        for (int s = keyframe.Segment; s < _segments.Count; s++)
        {
            SegmentIndex segment = _segments[s];
            long offset = s == keyframe.Segment ? keyframe.Offset : segment.FirstFrame;
            FrameCursor? cursor = Guarded(segment, () => new FrameCursor(segment.Path, offset, segment.ValidBytes));
            if (cursor is null)
            {
                yield break;
            }

            using (cursor)
            {
                bool more = true, stop = false, read = true;
                while (more && !stop && read)
                {
                    events.Clear();
                    read = false;
                    more = Guarded(segment, () =>
                    {
                        bool next = NextEvents(cursor, events, after, stopAfter, out stop);
                        read = true;
                        return next;
                    });
                    foreach (SupervisorEvent e in events)
                    {
                        after = e.Sequence;
                        yield return e;
                    }
                }

                if (stop || !read || cursor.Damage is not null)
                {
                    yield break;
                }
            }
        }
    }

    /// <summary>
    /// The events of the next events frame after <paramref name="after"/> into <paramref name="into"/>;
    /// false at the segment's end. <paramref name="stop"/>: an event past <paramref name="stopAfter"/> was met.
    /// </summary>
    private static bool NextEvents(FrameCursor cursor, List<SupervisorEvent> into, long after, DateTimeOffset? stopAfter, out bool stop)
    {
        stop = false;
        while (cursor.Next())
        {
            if (cursor.Kind != FrameKind.Events)
            {
                continue; // keyframes (the state is built already), lab entries, the header, the end
            }

            ReadOnlySpan<byte> payload = cursor.Payload;
            if (BinaryPrimitives.ReadInt64LittleEndian(payload[8..]) <= after)
            {
                continue; // before the point, not decoded
            }

            stop = Decode(cursor.PayloadFrom(RecordingFormat.PrefixBytes), into, after, stopAfter);
            return true;
        }

        return false;
    }

    /// <summary>Decodes an EventBatch into <paramref name="into"/>, the events after <paramref name="after"/> and up to <paramref name="stopAfter"/>; true when one past it was met.</summary>
    private static bool Decode(ArraySegment<byte> batch, List<SupervisorEvent> into, long after, DateTimeOffset? stopAfter) =>
        BatchDecoder.Decode(batch.Array!, batch.Offset, batch.Count, into, after, stopAfter);

    /// <summary>Runs a reading step; a file gone, changed or undecodable ends the reading, said once by <see cref="ReadProblem"/>.</summary>
    private T? Guarded<T>(SegmentIndex segment, Func<T> step)
    {
        try
        {
            return step();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidProtocolBufferException or ProtocolException)
        {
            _readProblem ??= $"the recording {Path} could not be read further in {System.IO.Path.GetFileName(segment.Path)}: {(e is IOException or UnauthorizedAccessException ? FileErrorText.Of(e) : e.Message)}";
            return default;
        }
    }

    private void Guarded(SegmentIndex segment, Action step) => Guarded<bool>(segment, () =>
    {
        step();
        return true;
    });

    private static RecordingReader? OpenOrRefuse(string path, out string? refusal, HistoryLimits limits)
    {
        List<(string Path, int Number)> files;
        if (System.IO.Directory.Exists(path))
        {
            files = [.. System.IO.Directory.EnumerateFiles(path)
                .Select(f => (Path: f, Number: RecordingFormat.SegmentNumber(System.IO.Path.GetFileName(f))))
                .Where(f => f.Number is not null)
                .Select(f => (f.Path, f.Number!.Value))
                .OrderBy(f => f.Item2)];
            if (files.Count == 0)
            {
                refusal = $"{path} is not a tuiproc recording: it holds no segment (000001{RecordingFormat.Extension}…)";
                return null;
            }
        }
        else if (File.Exists(path))
        {
            files = [(path, RecordingFormat.SegmentNumber(System.IO.Path.GetFileName(path)) ?? 1)];
        }
        else
        {
            refusal = $"no recording at {path}: no such file or directory";
            return null;
        }

        List<SegmentIndex> segments = [];
        string? damage = null;
        int lab = 0;
        foreach ((string file, int number) in files)
        {
            string name = System.IO.Path.GetFileName(file);
            if (segments.Count > 0 && number != segments[^1].Number + 1)
            {
                damage = $"damaged: {RecordingFormat.SegmentFileName(segments[^1].Number + 1)} is missing after {System.IO.Path.GetFileName(segments[^1].Path)}";
                break;
            }

            SegmentIndex segment = SegmentScanner.Scan(file, number, lab);
            lab += segment.Lab.Count + segment.LabStates.Count;
            if (segment.Damage is { } what)
            {
                if (segment.NotASegment && segments.Count == 0)
                {
                    refusal = $"{path} is not a tuiproc recording: {name}: {what}";
                    return null;
                }

                damage = $"damaged at byte {segment.ValidBytes:N0} of {name}: {what}";
            }

            if (segment.Keyframes.Count > 0 || segments.Count > 0)
            {
                segments.Add(segment);
            }

            if (damage is not null)
            {
                break;
            }
        }

        if (segments.Count == 0 || segments[0].Keyframes.Count == 0)
        {
            refusal = $"the recording {path} has nothing to replay: " + (damage ?? "no keyframe");
            return null;
        }

        refusal = null;
        return new RecordingReader(path, segments, damage is null ? null : $"the recording {path} is {damage}; replaying what comes before", limits);
    }
}
