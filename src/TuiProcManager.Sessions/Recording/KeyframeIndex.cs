namespace TuiProcManager.Sessions.Recording;

/// <summary>Where a whole keyframe is: its first part's frame in segment <see cref="Segment"/> (an index into the reader's segments).</summary>
/// <param name="Segment">The segment's index in the reader.</param>
/// <param name="Offset">The first part's frame offset in the file.</param>
/// <param name="Sequence">The last event it includes.</param>
/// <param name="Time">That event's time.</param>
/// <param name="Events">Events in all its parts.</param>
/// <param name="Parts">Its frames.</param>
internal sealed record KeyframeIndex(int Segment, long Offset, long Sequence, DateTimeOffset Time, long Events, int Parts);
