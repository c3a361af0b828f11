using System.Buffers.Binary;
using System.Globalization;

namespace TuiProcManager.Sessions.Recording;

/// <summary>
/// The layout of a recording's segment files (<c>NNNNNN.tpr</c>), in one place for the writer and the
/// reader; the payloads are <c>Protos/recording.proto</c>'s, which also states this layout for other readers.
/// </summary>
/// <remarks>
/// A segment: <see cref="Magic"/>, a little-endian u32 <see cref="Version"/>, then frames, each
/// <c>[u32 payload length][u32 CRC-32 of the kind byte and the payload][u8 kind][payload]</c>. The CRC covers
/// the kind too: a flipped kind byte would otherwise turn an events frame into another kind unnoticed.
/// </remarks>
public static class RecordingFormat
{
    /// <summary>The format this build writes and reads.</summary>
    public const uint Version = 1;

    /// <summary>Bytes before a frame's payload: length, CRC, kind.</summary>
    public const int FrameHeaderBytes = 9;

    /// <summary>Bytes of the fixed prefix of an events or keyframe frame's payload.</summary>
    public const int PrefixBytes = 32;

    /// <summary>
    /// Largest payload a reader accepts: the writer cuts frames at <see cref="FrameTargetBytes"/> between
    /// events, and one event is at most an output line of 1 MiB as UTF-8 (3 MiB when each byte was invalid and
    /// became U+FFFD). A larger length field is damage, never an allocation.
    /// </summary>
    public const int MaxPayloadBytes = 16 * 1024 * 1024;

    /// <summary>Size past which the writer starts a new frame.</summary>
    public const int FrameTargetBytes = 1024 * 1024;

    /// <summary>The segment file's extension.</summary>
    public const string Extension = ".tpr";

    /// <summary>The first bytes of a segment (the PNG way: a high byte, CR LF, ^Z, LF catch text-mode mangling).</summary>
    public static ReadOnlySpan<byte> Magic => [0x89, (byte)'T', (byte)'P', (byte)'R', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Bytes before the first frame: the magic and the version.</summary>
    public static int SegmentPreambleBytes => Magic.Length + 4;

    /// <summary>The file name of segment <paramref name="number"/>: <c>000001.tpr</c>.</summary>
    public static string SegmentFileName(int number) => number.ToString("D6", CultureInfo.InvariantCulture) + Extension;

    /// <summary>The number of a segment's file name, or null for a file that is not one.</summary>
    public static int? SegmentNumber(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return fileName.Length == 6 + Extension.Length && fileName.EndsWith(Extension, StringComparison.Ordinal)
            && int.TryParse(fileName.AsSpan(0, 6), NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0 ? n : null;
    }

    /// <summary>Writes an events frame's prefix.</summary>
    internal static void WriteEventsPrefix(Span<byte> into, long firstSequence, long lastSequence, DateTimeOffset firstTime, DateTimeOffset lastTime)
    {
        BinaryPrimitives.WriteInt64LittleEndian(into, firstSequence);
        BinaryPrimitives.WriteInt64LittleEndian(into[8..], lastSequence);
        BinaryPrimitives.WriteInt64LittleEndian(into[16..], firstTime.UtcTicks);
        BinaryPrimitives.WriteInt64LittleEndian(into[24..], lastTime.UtcTicks);
    }

    /// <summary>Writes a keyframe part's prefix.</summary>
    internal static void WriteKeyframePrefix(Span<byte> into, long sequence, DateTimeOffset time, int part, int parts, long events)
    {
        BinaryPrimitives.WriteInt64LittleEndian(into, sequence);
        BinaryPrimitives.WriteInt64LittleEndian(into[8..], time.UtcTicks);
        BinaryPrimitives.WriteInt32LittleEndian(into[16..], part);
        BinaryPrimitives.WriteInt32LittleEndian(into[20..], parts);
        BinaryPrimitives.WriteInt64LittleEndian(into[24..], events);
    }
}
