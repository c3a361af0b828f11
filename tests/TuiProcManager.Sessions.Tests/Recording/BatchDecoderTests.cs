using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using TuiProcManager.Core.Events;
using TuiProcManager.Protocol;
using TuiProcManager.Sessions.Recording;
using TuiProcManager.Sessions.Tests.Protocol;
using V1 = TuiProcManager.Protocol.V1;

namespace TuiProcManager.Sessions.Tests.Recording;

/// <summary>
/// The recording's decoder reads output lines from the wire itself: whatever the bytes, it gives what
/// protobuf's parser and <c>ToCore</c> give (the same events, or the same kind of error).
/// </summary>
public sealed class BatchDecoderTests
{
    [Fact]
    public void EveryKindOfEvent_AndARandomSession_DecodeAsProtobufAndToCoreDo()
    {
        List<SupervisorEvent> events = [new SupervisorSnapshot(0, EventBuilder.T0, [])];
        long sequence = 0;
        foreach (SupervisorEvent sample in EventSamples.All.Values)
        {
            events.Add(sample with { Sequence = ++sequence });
        }

        events.AddRange(RandomSession.Events(seed: 3, count: 2_000).Skip(1).Select(e => e with { Sequence = ++sequence }));
        byte[] batch = Batch(events.Select(e => e.ToWire()));

        Assert.Equal(RandomSession.Wire(ByProtobuf(batch, long.MinValue, null)), RandomSession.Wire(Decoded(batch, long.MinValue, null, out _)));
        Assert.Contains(EventSamples.All.Values, e => e is OutputLine);
    }

    [Fact]
    public void AfterAndStopAfter_CutWhereProtobufsReadingCuts()
    {
        List<SupervisorEvent> events = RandomSession.Events(seed: 5, count: 500);
        byte[] batch = Batch(events.Select(e => e.ToWire()));
        long after = events[120].Sequence;
        DateTimeOffset stopAfter = events[400].Time;

        List<SupervisorEvent> decoded = Decoded(batch, after, stopAfter, out bool stopped);

        Assert.True(stopped);
        Assert.Equal(RandomSession.Wire(ByProtobuf(batch, after, stopAfter)), RandomSession.Wire(decoded));
        Assert.All(decoded, e => Assert.True(e.Sequence > after && e.Time <= stopAfter));
    }

    /// <summary>Lines in shapes the writer never makes: each decodes as protobuf's parser and ToCore have it.</summary>
    [Theory]
    [InlineData("fields in reverse order")]
    [InlineData("an unknown field in the line")]
    [InlineData("an unknown field in the event")]
    [InlineData("the line twice (protobuf merges them)")]
    [InlineData("the sequence twice (the last counts)")]
    [InlineData("no text, no number")]
    [InlineData("a channel this build does not know")]
    [InlineData("no time")]
    [InlineData("nanos out of range")]
    [InlineData("seconds past year 9999")]
    [InlineData("a time with an unknown field")]
    [InlineData("a line cut short")]
    [InlineData("a time longer than its event")]
    public void AnOddlyEncodedLine_DecodesOrFailsAsProtobufAndToCoreDo(string shape)
    {
        byte[] odd = OddLine(shape);
        byte[] batch = Batch([new SupervisorSnapshot(1, EventBuilder.T0, []).ToWire()], then: odd);

        Exception? expected = null, actual = null;
        List<SupervisorEvent>? byProtobuf = null, decoded = null;
        try
        {
            byProtobuf = ByProtobuf(batch, long.MinValue, null);
        }
        catch (Exception e)
        {
            expected = e;
        }

        try
        {
            decoded = Decoded(batch, long.MinValue, null, out _);
        }
        catch (Exception e)
        {
            actual = e;
        }

        Assert.Equal(expected?.GetType(), actual?.GetType());
        Assert.Equal(expected?.Message, actual?.Message);
        if (expected is null)
        {
            Assert.Equal(RandomSession.Wire(byProtobuf!), RandomSession.Wire(decoded!));
        }
    }

    private static List<SupervisorEvent> Decoded(byte[] batch, long after, DateTimeOffset? stopAfter, out bool stopped)
    {
        byte[] padded = [0xEE, 0xEE, .. batch, 0xEE]; // at an offset within a larger buffer, as the frame buffer holds it
        List<SupervisorEvent> into = [];
        stopped = BatchDecoder.Decode(padded, 2, batch.Length, into, after, stopAfter);
        return into;
    }

    /// <summary>What the reader did before the decoder: protobuf's parser, then ToCore, with the same cuts.</summary>
    private static List<SupervisorEvent> ByProtobuf(byte[] batch, long after, DateTimeOffset? stopAfter)
    {
        List<SupervisorEvent> into = [];
        foreach (V1.Event wire in V1.EventBatch.Parser.ParseFrom(batch).Events)
        {
            if (wire.Sequence <= after || wire.ToCore() is not { } e)
            {
                continue;
            }

            if (stopAfter is { } t && e.Time > t)
            {
                break;
            }

            into.Add(e);
        }

        return into;
    }

    private static byte[] Batch(IEnumerable<V1.Event> events, byte[]? then = null)
    {
        V1.EventBatch batch = new();
        batch.Events.AddRange(events);
        using MemoryStream bytes = new();
        batch.WriteTo(bytes);
        if (then is not null)
        {
            using CodedOutputStream output = new(bytes, leaveOpen: true);
            output.WriteTag(V1.EventBatch.EventsFieldNumber, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(then));
        }

        return bytes.ToArray();
    }

    /// <summary>An Event holding an output line, encoded by hand in <paramref name="shape"/>.</summary>
    private static byte[] OddLine(string shape)
    {
        long seconds = Timestamp.FromDateTimeOffset(EventBuilder.T0).Seconds;
        byte[] time = Message(o =>
        {
            Varint(o, 1, shape == "seconds past year 9999" ? 253_402_300_800 : seconds);
            Varint(o, 2, shape == "nanos out of range" ? 1_000_000_000 : 123_456_789);
            if (shape == "a time with an unknown field")
            {
                Varint(o, 9, 1);
            }
        });
        byte[] line = Message(o =>
        {
            if (shape == "fields in reverse order")
            {
                Varint(o, 4, 42);
                Text(o, 3, "reversed");
                Varint(o, 2, 1);
                Varint(o, 1, 3);
                return;
            }

            Varint(o, 1, 3);
            Varint(o, 2, shape == "a channel this build does not know" ? 7 : 1);
            if (shape != "no text, no number")
            {
                Text(o, 3, "Square: 100 \u00e9\u4e2d");
                Varint(o, 4, 42);
            }

            if (shape == "an unknown field in the line")
            {
                Text(o, 15, "later revision");
            }
        });
        return Message(o =>
        {
            Varint(o, 1, 7);
            if (shape == "the sequence twice (the last counts)")
            {
                Varint(o, 1, 8);
            }

            if (shape != "no time")
            {
                Nested(o, 2, shape == "a time longer than its event" ? [.. time, .. new byte[40]] : time, claim: shape == "a time longer than its event" ? 200 : null);
            }

            Nested(o, 13, shape == "a line cut short" ? line[..^3] : line, claim: shape == "a line cut short" ? line.Length : null);
            if (shape == "the line twice (protobuf merges them)")
            {
                Nested(o, 13, Message(m => Varint(m, 4, 43)));
            }

            if (shape == "an unknown field in the event")
            {
                Varint(o, 99, 5);
            }
        });
    }

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using MemoryStream bytes = new();
        using (CodedOutputStream output = new(bytes, leaveOpen: true))
        {
            write(output);
        }

        return bytes.ToArray();
    }

    private static void Varint(CodedOutputStream o, int field, long value)
    {
        o.WriteTag(field, WireFormat.WireType.Varint);
        o.WriteInt64(value);
    }

    private static void Text(CodedOutputStream o, int field, string value)
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteString(value);
    }

    /// <summary>A length-delimited field holding <paramref name="content"/>; its length field says <paramref name="claim"/> when given (a lie).</summary>
    private static void Nested(CodedOutputStream o, int field, byte[] content, int? claim = null)
    {
        o.WriteTag(field, WireFormat.WireType.LengthDelimited);
        o.WriteLength(claim ?? content.Length);
        o.WriteRawMessage(new RawBytes(content));
    }

    /// <summary>Bytes written as they are (CodedOutputStream writes raw bytes only through a message).</summary>
    private sealed class RawBytes(byte[] bytes) : IMessage
    {
        public Google.Protobuf.Reflection.MessageDescriptor Descriptor => throw new NotSupportedException();

        public int CalculateSize() => bytes.Length;

        public void MergeFrom(CodedInputStream input) => throw new NotSupportedException();

        public void WriteTo(CodedOutputStream output)
        {
            foreach (byte b in bytes)
            {
                output.WriteRawTag(b);
            }
        }
    }
}
