namespace TuiProcManager.Sessions.Recording;

/// <summary>What a frame of a recording's segment holds (its kind byte; see <c>Protos/recording.proto</c>).</summary>
public enum FrameKind : byte
{
    /// <summary>The segment's header: <c>SegmentHeader</c>. Always the first frame.</summary>
    Header = 1,

    /// <summary>Consecutive events: the events prefix, then an <c>EventBatch</c>.</summary>
    Events = 2,

    /// <summary>One part of a keyframe: the keyframe prefix, then an <c>EventBatch</c>.</summary>
    Keyframe = 3,

    /// <summary>A lab's answer or hint: <c>LabEntry</c>.</summary>
    Lab = 4,

    /// <summary>The session ended, the recording is whole: <c>RecordingEnd</c>.</summary>
    End = 5,

    /// <summary>The lab's progress as decided then: <c>LabState</c>.</summary>
    LabState = 6,
}
