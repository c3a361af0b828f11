using Google.Protobuf;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Protocol;

namespace TuiProcManager.Sessions.Recording;

/// <summary>
/// Decodes a recorded <c>EventBatch</c> to Core events: output lines, nearly every event of a recording,
/// straight from the wire; every other event through its protobuf message and <c>ToCore</c>.
/// </summary>
/// <remarks>
/// <para>
/// Why: a seek decodes up to 42,500 events to keep 22,500 (a keyframe, then the events after it). Through
/// protobuf's messages an output line was five objects (the Event, its Timestamp, its OutputLine, the text,
/// then the Core event) and the batch's list of messages; here it is two (the text and the Core event). The
/// garbage of a seek is what drives the replay's peak memory and much of its time (README, *The flight
/// recording*).
/// </para>
/// <para>
/// Exactness: a line is read here only in the shape the writer makes it (the sequence, the time and the
/// line, each at most once, the time one that <c>Timestamp</c> accepts, the channel a known one). Any other
/// event (another kind, a field repeated or unknown, a value <c>ToCore</c> would refuse) is parsed whole by
/// protobuf's parser and mapped by <c>ToCore</c>, so its result and its errors are theirs. Structural damage
/// throws <see cref="InvalidProtocolBufferException"/> as protobuf's parser does. <c>BatchDecoderTests</c>
/// compare the two paths on every kind of event and on odd encodings. One difference: a batch is read up to
/// the first event past the point asked for, so damage after it is met by the next reading of that batch.
/// </para>
/// </remarks>
internal static class BatchDecoder
{
    // What Timestamp accepts (its own constants are internal): 0001-01-01T00:00:00Z to 9999-12-31T23:59:59Z.
    private const long TimestampMinSeconds = -62_135_596_800;
    private const long TimestampMaxSeconds = 253_402_300_799;

    private static readonly uint EventTag = WireFormat.MakeTag(Protocol.V1.EventBatch.EventsFieldNumber, WireFormat.WireType.LengthDelimited);
    private static readonly uint SequenceTag = WireFormat.MakeTag(Protocol.V1.Event.SequenceFieldNumber, WireFormat.WireType.Varint);
    private static readonly uint TimeTag = WireFormat.MakeTag(Protocol.V1.Event.TimeFieldNumber, WireFormat.WireType.LengthDelimited);
    private static readonly uint LineTag = WireFormat.MakeTag(Protocol.V1.Event.OutputLineFieldNumber, WireFormat.WireType.LengthDelimited);

    /// <summary>
    /// Decodes the batch in <paramref name="buffer"/> (<paramref name="length"/> bytes from <paramref name="offset"/>)
    /// into <paramref name="into"/>: the events after <paramref name="after"/>, up to <paramref name="stopAfter"/>;
    /// true when one past it was met (then nothing after it is added). Events of a kind unknown to this build are skipped.
    /// </summary>
    public static bool Decode(byte[] buffer, int offset, int length, List<SupervisorEvent> into, long after, DateTimeOffset? stopAfter)
    {
        CodedInputStream input = new(buffer, offset, length);
        int first = into.Count;
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (tag != EventTag)
            {
                input.SkipLastField(); // not an event: protobuf's parser keeps it aside, unread
                continue;
            }

            int size = input.ReadLength();
            int start = (int)input.Position;
            bool damaged = size < 0 || start + size > offset + length; // an event longer than its batch
            SupervisorEvent? e = damaged ? null : ReadLine(input, start + size, out damaged);
            if (damaged)
            {
                // Read the old way, the whole batch, so that the damage is said as protobuf's parser says it.
                into.RemoveRange(first, into.Count - first);
                return ByMessages(buffer, offset, length, into, after, stopAfter);
            }

            if (e is null)
            {
                e = Protocol.V1.Event.Parser.ParseFrom(buffer, start, size).ToCore();
                input = Resume(buffer, start + size, offset + length);
            }

            if (e is null || e.Sequence <= after)
            {
                continue; // of a kind a later revision added, or before the point
            }

            if (stopAfter is { } t && e.Time > t)
            {
                return true;
            }

            into.Add(e);
        }

        return false;
    }

    /// <summary>The batch through protobuf's messages and ToCore, every event.</summary>
    private static bool ByMessages(byte[] buffer, int offset, int length, List<SupervisorEvent> into, long after, DateTimeOffset? stopAfter)
    {
        foreach (Protocol.V1.Event wire in Protocol.V1.EventBatch.Parser.ParseFrom(buffer, offset, length).Events)
        {
            if (wire.Sequence <= after || wire.ToCore() is not { } e)
            {
                continue;
            }

            if (stopAfter is { } t && e.Time > t)
            {
                return true;
            }

            into.Add(e);
        }

        return false;
    }

    /// <summary>The rest of the batch after an event read by protobuf's parser (the stream cannot be moved; a new one is cheap).</summary>
    private static CodedInputStream Resume(byte[] buffer, int from, int end) => new(buffer, from, end - from);

    /// <summary>
    /// The event ending at <paramref name="end"/> as an output line, read from the wire, when it is one in the
    /// writer's shape; otherwise null, the input left anywhere in the event, and <paramref name="damaged"/> when
    /// the event is malformed (a part claiming to go past the event's end, or the event's end not met exactly).
    /// </summary>
    private static OutputLine? ReadLine(CodedInputStream input, int end, out bool damaged)
    {
        damaged = false;
        bool odd = false, hasSequence = false, hasTime = false, hasLine = false;
        long sequence = 0, seconds = 0, number = 0;
        int nanos = 0, worker = 0, channel = 0;
        string text = "";
        while (input.Position < end)
        {
            uint tag = input.ReadTag();
            if (tag == SequenceTag && !hasSequence)
            {
                sequence = input.ReadInt64();
                hasSequence = true;
            }
            else if (tag == TimeTag && !hasTime)
            {
                if (!ReadTime(input, end, out seconds, out nanos, out damaged))
                {
                    return null;
                }

                hasTime = true;
            }
            else if (tag == LineTag && !hasLine)
            {
                if (!ReadLineFields(input, end, out worker, out channel, out text, out number, out damaged))
                {
                    return null;
                }

                hasLine = true;
            }
            else
            {
                input.SkipLastField();
                odd = true;
            }
        }

        damaged = input.Position != end;
        if (damaged || odd || !hasLine || !hasTime || ToChannel(channel) is not { } known
            || seconds is < TimestampMinSeconds or > TimestampMaxSeconds
            || nanos is < 0 or > 999_999_999)
        {
            return null;
        }

        DateTimeOffset time = DateTimeOffset.UnixEpoch.AddSeconds(seconds).AddTicks(nanos / 100); // as Timestamp.ToDateTimeOffset
        return new OutputLine(sequence, time, new WorkerId(worker), known, text, number);
    }

    /// <summary>A Timestamp's fields; false when it holds anything else, or claims to go past <paramref name="limit"/> (its event's end).</summary>
    private static bool ReadTime(CodedInputStream input, int limit, out long seconds, out int nanos, out bool damaged)
    {
        seconds = 0;
        nanos = 0;
        if (!Nested(input, limit, out int end))
        {
            damaged = true;
            return false;
        }

        bool plain = true;
        while (input.Position < end)
        {
            switch (input.ReadTag())
            {
                case 8: // seconds, varint
                    seconds = input.ReadInt64();
                    break;
                case 16: // nanos, varint
                    nanos = input.ReadInt32();
                    break;
                default:
                    input.SkipLastField();
                    plain = false;
                    break;
            }
        }

        damaged = input.Position != end;
        return plain && !damaged;
    }

    /// <summary>An OutputLine's fields; false when it holds anything else, or claims to go past <paramref name="limit"/> (its event's end).</summary>
    private static bool ReadLineFields(CodedInputStream input, int limit, out int worker, out int channel, out string text, out long number, out bool damaged)
    {
        worker = 0;
        channel = 0;
        text = "";
        number = 0;
        if (!Nested(input, limit, out int end))
        {
            damaged = true;
            return false;
        }

        bool plain = true;
        while (input.Position < end)
        {
            switch (input.ReadTag())
            {
                case 8: // worker, varint
                    worker = input.ReadInt32();
                    break;
                case 16: // channel, varint
                    channel = input.ReadEnum();
                    break;
                case 26: // text, length-delimited
                    text = input.ReadString();
                    break;
                case 32: // number, varint
                    number = input.ReadInt64();
                    break;
                default:
                    input.SkipLastField();
                    plain = false;
                    break;
            }
        }

        damaged = input.Position != end;
        return plain && !damaged;
    }

    /// <summary>A nested message's length, read: where it ends; false when that is past <paramref name="limit"/> (damage: protobuf's parser says it).</summary>
    private static bool Nested(CodedInputStream input, int limit, out int end)
    {
        int length = input.ReadLength();
        end = (int)input.Position + length;
        return length >= 0 && end <= limit;
    }

    private static OutputChannel? ToChannel(int wire) => (Protocol.V1.OutputChannel)wire switch
    {
        Protocol.V1.OutputChannel.Stdout => OutputChannel.Stdout,
        Protocol.V1.OutputChannel.Stderr => OutputChannel.Stderr,
        Protocol.V1.OutputChannel.Results => OutputChannel.Results,
        _ => null,
    };
}
