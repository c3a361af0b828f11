using TuiProcManager.Core.Events;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.Recording.V1;

namespace TuiProcManager.Sessions.Recording;

/// <summary>
/// The recorder's frames (<see cref="RecordingFormat"/>): a segment opened with its keyframe and the lab's
/// last state, the next one when due and the oldest deleted past the cap, events in frames of about
/// <see cref="RecordingFormat.FrameTargetBytes"/>, keyframes in parts, the lab's answers, hints and states.
/// On the recorder's thread only, as the rest of it.
/// </summary>
public sealed partial class SessionRecorder
{
    private void OpenSegment(int number)
    {
        SegmentHeader header = _header.Clone();
        header.Segment = (uint)number;
        _segment = SegmentWriter.Create(Directory, header, _open);
        WriteKeyframe();
        if (_lab is not null)
        {
            _segment.Write(FrameKind.LabState, [], _lab);
        }
    }

    /// <summary>Closes the segment, starts the next with a keyframe, and deletes the oldest past the cap.</summary>
    private void NextSegment()
    {
        SegmentWriter full = _segment!;
        _segment = null;
        full.Dispose();
        _closedSegments.Enqueue((full.Path, full.Length));
        OpenSegment(full.Number + 1);
        // Room for the new segment to grow to its size: the total stays under the cap while segments keep
        // to their size (one may run past it until its next keyframe is due).
        long total = _settings.SegmentBytes + _closedSegments.Sum(s => s.Bytes);
        while (total > _settings.SessionBytes && _closedSegments.TryDequeue(out (string Path, long Bytes) oldest))
        {
            File.Delete(oldest.Path); // the next segment opens with a keyframe: what is left reads alone
            total -= oldest.Bytes;
        }
    }

    private void WriteEvents(IReadOnlyList<SupervisorEvent> batch, int from)
    {
        Protocol.V1.EventBatch frame = new();
        int bytes = 0;
        SupervisorEvent? first = null;
        for (int i = from; i < batch.Count; i++)
        {
            SupervisorEvent e = batch[i];
            Protocol.V1.Event m = e.ToWire();
            frame.Events.Add(m);
            first ??= e;
            bytes += m.CalculateSize() + 4;
            if (bytes >= RecordingFormat.FrameTargetBytes || i == batch.Count - 1)
            {
                RecordingFormat.WriteEventsPrefix(_prefix, first.Sequence, e.Sequence, first.Time, e.Time);
                _segment!.Write(FrameKind.Events, _prefix, frame);
                frame = new Protocol.V1.EventBatch();
                bytes = 0;
                first = null;
            }
        }
    }

    /// <summary>The history at the last event recorded, in parts of about a frame's target size.</summary>
    private void WriteKeyframe()
    {
        IReadOnlyList<SupervisorEvent> all = _history!.Until(_lastSequence, TimeSpan.Zero) ?? [];
        List<Protocol.V1.EventBatch> parts = [new()];
        int bytes = 0;
        foreach (SupervisorEvent e in all)
        {
            Protocol.V1.Event m = e.ToWire();
            bytes += m.CalculateSize() + 4;
            if (bytes >= RecordingFormat.FrameTargetBytes && parts[^1].Events.Count > 0)
            {
                parts.Add(new());
                bytes = m.CalculateSize() + 4;
            }

            parts[^1].Events.Add(m);
        }

        for (int i = 0; i < parts.Count; i++)
        {
            RecordingFormat.WriteKeyframePrefix(_prefix, _lastSequence, _lastTime, i, parts.Count, all.Count);
            _segment!.Write(FrameKind.Keyframe, _prefix, parts[i]);
        }

        _keyframeEvents = all.Count;
        _sinceKeyframe = 0;
    }

    private void WriteLab(LabRecord record)
    {
        if (_done || _segment is null)
        {
            return; // before the first event there is no segment yet; never in a server, whose stream opens at once
        }

        _segment.Write(FrameKind.Lab, [], record.ToEntry());
        _segment.Flush();
    }

    private void WriteLabState(LabState frame)
    {
        if (_done)
        {
            return;
        }

        _lab = frame;
        if (_segment is not null)
        {
            _segment.Write(FrameKind.LabState, [], frame);
            _segment.Flush();
        }
    }
}
