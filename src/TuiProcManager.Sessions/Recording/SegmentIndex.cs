using TuiProcManager.Labs.Sessions;
using TuiProcManager.Protocol.Recording.V1;

namespace TuiProcManager.Sessions.Recording;

/// <summary>What a scan of one segment found (<see cref="SegmentScanner"/>): everything up to <see cref="ValidBytes"/> is whole.</summary>
internal sealed class SegmentIndex(string path, int number)
{
    public string Path { get; } = path;

    public int Number { get; } = number;

    public SegmentHeader? Header { get; set; }

    /// <summary>Bytes of whole, checked frames from the start; reading stops there.</summary>
    public long ValidBytes { get; set; }

    /// <summary>Where the first frame after the header begins.</summary>
    public long FirstFrame { get; set; }

    /// <summary>Whole keyframes, as (offset, sequence, time, events, parts); the reader adds the segment's index.</summary>
    public List<(long Offset, long Sequence, DateTimeOffset Time, long Events, int Parts)> Keyframes { get; } = [];

    public List<LabRecord> Lab { get; } = [];

    /// <summary>The lab's progress as it was decided, in order (a state written again after a keyframe included).</summary>
    public List<RecordedLab> LabStates { get; } = [];

    public long LastSequence { get; set; } = -1;

    public DateTimeOffset? LastTime { get; set; }

    public RecordingEnd? End { get; set; }

    /// <summary>What is wrong at <see cref="ValidBytes"/>, or null.</summary>
    public string? Damage { get; set; }

    /// <summary>True when the file is not a segment at all (its first bytes): refused, not damaged.</summary>
    public bool NotASegment { get; set; }
}
