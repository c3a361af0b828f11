using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
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
        long sequence = 0;
        LineFields fields = new() { Text = "" };
        while (input.Position < end)
        {
            uint tag = input.ReadTag();
            if (tag == SequenceTag && !hasSequence)
            {
                sequence = input.ReadInt64();
                hasSequence = true;
            }
            else if ((tag == TimeTag && !hasTime) || (tag == LineTag && !hasLine))
            {
                bool time = tag == TimeTag;
                if (!ReadNested(input, end, ref fields, time, out damaged))
                {
                    return null;
                }

                hasTime |= time;
                hasLine |= !time;
            }
            else
            {
                input.SkipLastField();
                odd = true;
            }
        }

        damaged = input.Position != end;
        if (damaged || odd || !hasLine || !hasTime || ToChannel(fields.Channel) is not { } known
            || fields.Seconds is < TimestampMinSeconds or > TimestampMaxSeconds
            || fields.Nanos is < 0 or > 999_999_999)
        {
            return null;
        }

        DateTimeOffset at = DateTimeOffset.UnixEpoch.AddSeconds(fields.Seconds).AddTicks(fields.Nanos / 100); // as Timestamp.ToDateTimeOffset
        return new OutputLine(sequence, at, new WorkerId(fields.Worker), known, fields.Text, fields.Number);
    }

    /// <summary>
    /// Reads the Timestamp (<paramref name="time"/>) or the OutputLine that comes next into <paramref name="fields"/>;
    /// false when it holds a field the writer never writes, or is malformed (<paramref name="damaged"/>: it claims
    /// to go past <paramref name="limit"/>, its event's end, or its end is not met exactly).
    /// </summary>
    private static bool ReadNested(CodedInputStream input, int limit, ref LineFields fields, bool time, out bool damaged)
    {
        if (!Nested(input, limit, out int end))
        {
            damaged = true;
            return false;
        }

        bool plain = true;
        while (input.Position < end)
        {
            uint tag = input.ReadTag();
            if (!(time ? fields.TakeTimeField(tag, input) : fields.TakeLineField(tag, input)))
            {
                input.SkipLastField();
                plain = false;
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

    /// <summary>An output line's fields as read from its Timestamp and its OutputLine (protobuf's defaults when absent).</summary>
    private struct LineFields
    {
        private static readonly uint SecondsTag = WireFormat.MakeTag(Timestamp.SecondsFieldNumber, WireFormat.WireType.Varint);
        private static readonly uint NanosTag = WireFormat.MakeTag(Timestamp.NanosFieldNumber, WireFormat.WireType.Varint);
        private static readonly uint WorkerTag = WireFormat.MakeTag(Protocol.V1.OutputLine.WorkerFieldNumber, WireFormat.WireType.Varint);
        private static readonly uint ChannelTag = WireFormat.MakeTag(Protocol.V1.OutputLine.ChannelFieldNumber, WireFormat.WireType.Varint);
        private static readonly uint TextTag = WireFormat.MakeTag(Protocol.V1.OutputLine.TextFieldNumber, WireFormat.WireType.LengthDelimited);
        private static readonly uint NumberTag = WireFormat.MakeTag(Protocol.V1.OutputLine.NumberFieldNumber, WireFormat.WireType.Varint);

        public long Seconds;
        public int Nanos;
        public int Worker;
        public int Channel;
        public string Text;
        public long Number;

        /// <summary>Reads the Timestamp field <paramref name="tag"/> announces; false for one it does not have.</summary>
        public bool TakeTimeField(uint tag, CodedInputStream input)
        {
            if (tag == SecondsTag)
            {
                Seconds = input.ReadInt64();
            }
            else if (tag == NanosTag)
            {
                Nanos = input.ReadInt32();
            }
            else
            {
                return false;
            }

            return true;
        }

        /// <summary>Reads the OutputLine field <paramref name="tag"/> announces; false for one it does not have.</summary>
        public bool TakeLineField(uint tag, CodedInputStream input)
        {
            if (tag == WorkerTag)
            {
                Worker = input.ReadInt32();
            }
            else if (tag == ChannelTag)
            {
                Channel = input.ReadEnum();
            }
            else if (tag == TextTag)
            {
                Text = input.ReadString();
            }
            else if (tag == NumberTag)
            {
                Number = input.ReadInt64();
            }
            else
            {
                return false;
            }

            return true;
        }
    }

    private static OutputChannel? ToChannel(int wire) => (Protocol.V1.OutputChannel)wire switch
    {
        Protocol.V1.OutputChannel.Stdout => OutputChannel.Stdout,
        Protocol.V1.OutputChannel.Stderr => OutputChannel.Stderr,
        Protocol.V1.OutputChannel.Results => OutputChannel.Results,
        _ => null,
    };
}
