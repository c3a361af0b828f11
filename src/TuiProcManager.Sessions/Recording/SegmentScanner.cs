using System.Buffers.Binary;
using Google.Protobuf;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.Recording.V1;

namespace TuiProcManager.Sessions.Recording;

/// <summary>
/// Indexes one segment: its preamble and header, then every frame's header and CRC, the prefixes of events
/// and keyframe frames (no event is decoded), lab entries and the end; up to the first damage.
/// </summary>
internal static class SegmentScanner
{
    /// <summary>Most lab entries and states kept from one recording: a lab has at most a hundred steps, each a few answers and hints, each a state.</summary>
    public const int MaxLabEntries = 10_000;

    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">Not allowed.</exception>
    public static SegmentIndex Scan(string path, int number, int labEntriesSoFar = 0)
    {
        SegmentIndex index = new(path, number);
        if (ReadPreamble(path, index) is { } problem)
        {
            index.Damage = problem;
            return index;
        }

        using FrameCursor cursor = new(path, RecordingFormat.SegmentPreambleBytes);
        (long Offset, long Sequence, DateTimeOffset Time, long Events, int Parts)? keyframe = null;
        int part = 0;
        try
        {
            while (cursor.Next())
            {
                ReadOnlySpan<byte> payload = cursor.Payload;
                if (index.Header is null)
                {
                    if (cursor.Kind != FrameKind.Header)
                    {
                        return Damaged(index, cursor.FrameOffset, "it has no header");
                    }

                    index.Header = SegmentHeader.Parser.ParseFrom(payload);
                    index.FirstFrame = cursor.Offset;
                }
                else if (cursor.Kind is FrameKind.Events or FrameKind.Keyframe && payload.Length < RecordingFormat.PrefixBytes)
                {
                    return Damaged(index, cursor.FrameOffset, "a frame is too short for its kind");
                }
                else if (cursor.Kind == FrameKind.Events)
                {
                    index.LastSequence = BinaryPrimitives.ReadInt64LittleEndian(payload[8..]);
                    index.LastTime = Time(BinaryPrimitives.ReadInt64LittleEndian(payload[24..]));
                }
                else if (cursor.Kind == FrameKind.Keyframe)
                {
                    long sequence = BinaryPrimitives.ReadInt64LittleEndian(payload);
                    DateTimeOffset time = Time(BinaryPrimitives.ReadInt64LittleEndian(payload[8..]));
                    int at = BinaryPrimitives.ReadInt32LittleEndian(payload[16..]);
                    int parts = BinaryPrimitives.ReadInt32LittleEndian(payload[20..]);
                    long events = BinaryPrimitives.ReadInt64LittleEndian(payload[24..]);
                    if (at == 0)
                    {
                        keyframe = (cursor.FrameOffset, sequence, time, events, parts);
                        part = 0;
                    }

                    if (keyframe is not { } k || at != part || parts != k.Parts || sequence != k.Sequence || parts < 1)
                    {
                        return Damaged(index, cursor.FrameOffset, "a keyframe's parts are out of order");
                    }

                    part++;
                    if (part == parts)
                    {
                        index.Keyframes.Add(k);
                        keyframe = null;
                        index.LastSequence = Math.Max(index.LastSequence, sequence);
                        index.LastTime = index.LastTime is { } last && last > time ? last : time;
                    }
                }
                else if (cursor.Kind == FrameKind.Lab && labEntriesSoFar + index.Lab.Count + index.LabStates.Count < MaxLabEntries)
                {
                    index.Lab.Add(LabEntry.Parser.ParseFrom(payload).ToRecord());
                }
                else if (cursor.Kind == FrameKind.LabState && labEntriesSoFar + index.Lab.Count + index.LabStates.Count < MaxLabEntries)
                {
                    if (RecordedLab.FromFrame(LabState.Parser.ParseFrom(payload)) is { } lab)
                    {
                        index.LabStates.Add(lab);
                    }
                }
                else if (cursor.Kind == FrameKind.End)
                {
                    index.End = RecordingEnd.Parser.ParseFrom(payload);
                }
                else if (cursor.Kind == FrameKind.Header)
                {
                    return Damaged(index, cursor.FrameOffset, "a second header");
                }

                // another kind: a later revision's, skipped whole
                index.ValidBytes = cursor.Offset;
            }
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or ProtocolException)
        {
            return Damaged(index, cursor.FrameOffset, "a frame that cannot be read: " + e.Message);
        }

        if (cursor.Damage is { } damage)
        {
            return Damaged(index, cursor.Offset, damage);
        }

        index.ValidBytes = cursor.Offset;
        return index;
    }

    private static SegmentIndex Damaged(SegmentIndex index, long at, string what)
    {
        index.ValidBytes = at;
        index.Damage = what;
        return index;
    }

    /// <summary>Checks the magic and the version; the problem, or null.</summary>
    private static string? ReadPreamble(string path, SegmentIndex index)
    {
        Span<byte> preamble = stackalloc byte[RecordingFormat.SegmentPreambleBytes];
        using FileStream file = File.OpenRead(path);
        int read = file.ReadAtLeast(preamble, preamble.Length, throwOnEndOfStream: false);
        int magic = RecordingFormat.Magic.Length;
        if (!preamble[..Math.Min(read, magic)].SequenceEqual(RecordingFormat.Magic[..Math.Min(read, magic)]) || read == 0)
        {
            index.NotASegment = true;
            return read == 0 ? "it is empty" : "its first bytes are not a tuiproc recording's";
        }

        if (read < preamble.Length)
        {
            return "it is cut short within its first bytes";
        }

        uint version = BinaryPrimitives.ReadUInt32LittleEndian(preamble[magic..]);
        if (version != RecordingFormat.Version)
        {
            index.NotASegment = true;
            return $"it is format {version}, and this tuiproc reads format {RecordingFormat.Version}";
        }

        return null;
    }

    private static DateTimeOffset Time(long ticks) =>
        new(Math.Clamp(ticks, DateTimeOffset.MinValue.UtcTicks, DateTimeOffset.MaxValue.UtcTicks), TimeSpan.Zero);
}
