using System.Buffers.Binary;
using TuiProcManager.Core.Events;
using TuiProcManager.Sessions.Recording;

namespace TuiProcManager.Sessions.Tests.Recording;

/// <summary>
/// Truncated, garbled, huge and foreign files: refused in one line, or read up to the damage, said in one
/// line; never an exception, never memory for a length field.
/// </summary>
public sealed class RecordingDamageTests
{
    [Fact]
    public async Task CutAtEveryByte_ReadsAPrefixOfTheEvents_OrRefusesInOneLine()
    {
        using RecordingRig rig = new();
        List<SupervisorEvent> events = RandomSession.Events(seed: 11, count: 60);
        rig.SendInBatches(events, new Random(11), largest: 4);
        await rig.EndAsync();
        string whole = Assert.Single(rig.Segments());
        byte[] bytes = await File.ReadAllBytesAsync(whole);
        List<TuiProcManager.Protocol.V1.Event> all = RandomSession.Wire(events.Skip(1));
        string cut = Path.Combine(rig.Root, "000001.tpr");
        int opened = 0;
        for (int length = 0; length < bytes.Length; length++)
        {
            await File.WriteAllBytesAsync(cut, bytes[..length]);
            RecordingReader? reader = RecordingReader.Open(cut, out string? refusal);
            if (reader is null)
            {
                OneLine(refusal);
                continue;
            }

            opened++;
            int frame = Frames(bytes).Last(f => f <= length);
            if (frame == length)
            {
                Assert.Null(reader.Damage); // cut between two frames: a recording written up to there, as a live one is
            }
            else
            {
                OneLine(reader.Damage);
                Assert.Contains($"damaged at byte {frame:N0} of 000001.tpr", reader.Damage, StringComparison.Ordinal);
            }

            List<TuiProcManager.Protocol.V1.Event> read = RandomSession.Wire(reader.EventsAfter(-1));
            Assert.Equal(all.Take(read.Count), read);
            Assert.NotNull(reader.HistoryAt(reader.EndTime));
        }

        Assert.True(opened > bytes.Length / 2, "most cuts still read the beginning");
    }

    [Fact]
    public async Task AFlippedByteAnywhere_IsFound_AndReadsAPrefixOrRefuses()
    {
        using RecordingRig rig = new();
        List<SupervisorEvent> events = RandomSession.Events(seed: 12, count: 40);
        rig.SendInBatches(events, new Random(12), largest: 4);
        await rig.EndAsync();
        byte[] bytes = await File.ReadAllBytesAsync(Assert.Single(rig.Segments()));
        List<TuiProcManager.Protocol.V1.Event> all = RandomSession.Wire(events.Skip(1));
        string flipped = Path.Combine(rig.Root, "000001.tpr");
        for (int at = 0; at < bytes.Length; at++)
        {
            byte[] copy = [.. bytes];
            copy[at] ^= 0x10;
            await File.WriteAllBytesAsync(flipped, copy);
            RecordingReader? reader = RecordingReader.Open(flipped, out string? refusal);
            if (reader is null)
            {
                OneLine(refusal);
                continue;
            }

            // Every byte is under the magic, the version or a frame's CRC: a flip is always said.
            Assert.True(reader.Damage is not null, $"a flip at byte {at} went unnoticed");
            OneLine(reader.Damage);
            List<TuiProcManager.Protocol.V1.Event> read = RandomSession.Wire(reader.EventsAfter(-1));
            Assert.Equal(all.Take(read.Count), read);
        }
    }

    [Theory]
    [InlineData(0xFFFF_FFF0u, "more than a frame ever holds")]
    [InlineData(15u * 1024 * 1024, "cut short")]
    public async Task AHugeLengthField_IsDamage_NotAnAllocation(uint length, string said)
    {
        using RecordingRig rig = new();
        EventBuilder e = new();
        rig.Send(new SupervisorSnapshot(0, e.Now, []), e.Spawned(1), e.Line(1, "kept"));
        await rig.EndAsync();
        string segment = Assert.Single(rig.Segments());
        long whole = new FileInfo(segment).Length;
        await using (FileStream file = new(segment, FileMode.Append))
        {
            byte[] header = new byte[9];
            BinaryPrimitives.WriteUInt32LittleEndian(header, length);
            header[8] = (byte)FrameKind.Events;
            file.Write(header);
            file.Write(new byte[100]);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        RecordingReader reader = rig.Open();
        Assert.InRange(GC.GetAllocatedBytesForCurrentThread() - before, 0, 2 * 1024 * 1024);
        string damage = Assert.IsType<string>(reader.Damage);
        Assert.StartsWith($"the recording {rig.Directory} is damaged at byte {whole:N0} of 000001.tpr: ", damage, StringComparison.Ordinal);
        Assert.Contains(said, damage, StringComparison.Ordinal);
        Assert.EndsWith("; replaying what comes before", damage, StringComparison.Ordinal);
        Assert.Equal(["kept"], reader.EventsAfter(0).OfType<OutputLine>().Select(l => l.Text));
        Assert.Null(reader.EndedBecause); // the end is not trusted past damage
    }

    [Fact]
    public void NotARecording_IsRefusedInOneLine()
    {
        string root = Directory.CreateTempSubdirectory("tuiproc-rec-").FullName;
        try
        {
            string text = Path.Combine(root, "notes.txt");
            File.WriteAllText(text, "hello\nworld\n");
            string empty = Path.Combine(root, "empty.tpr");
            File.WriteAllBytes(empty, []);
            string newer = Path.Combine(root, "newer.tpr");
            File.WriteAllBytes(newer, [.. RecordingFormat.Magic, 2, 0, 0, 0]);
            string folder = Directory.CreateDirectory(Path.Combine(root, "folder")).FullName;

            Assert.Equal($"{text} is not a tuiproc recording: notes.txt: its first bytes are not a tuiproc recording's", Refusal(text));
            Assert.Equal($"{empty} is not a tuiproc recording: empty.tpr: it is empty", Refusal(empty));
            Assert.Equal($"{newer} is not a tuiproc recording: newer.tpr: it is format 2, and this tuiproc reads format 1", Refusal(newer));
            Assert.Equal($"{folder} is not a tuiproc recording: it holds no segment (000001.tpr…)", Refusal(folder));
            Assert.Equal($"no recording at {root}/none: no such file or directory", Refusal(Path.Combine(root, "none")));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task AMissingSegmentInTheMiddle_ReadsUpToIt()
    {
        using RecordingRig rig = new(new RecorderSettings { SegmentBytes = 8 * 1024, KeyframeEvents = 100 }, RecordingSeekTests.Small);
        List<SupervisorEvent> events = RandomSession.Events(seed: 13, count: 2_000);
        rig.SendInBatches(events, new Random(13));
        await rig.EndAsync();
        IReadOnlyList<string> segments = rig.Segments();
        Assert.True(segments.Count > 4);
        File.Delete(segments[2]);

        RecordingReader reader = rig.Open();
        Assert.Equal($"the recording {rig.Directory} is damaged: 000003.tpr is missing after 000002.tpr; replaying what comes before", reader.Damage);
        Assert.Equal(RandomSession.Wire(events.Skip(1).Take(reader.EventsAfter(-1).Count())), RandomSession.Wire(reader.EventsAfter(-1)));
    }

    private static string? Refusal(string path)
    {
        Assert.Null(RecordingReader.Open(path, out string? refusal));
        OneLine(refusal);
        return refusal;
    }

    private static void OneLine(string? line)
    {
        Assert.False(string.IsNullOrWhiteSpace(line));
        Assert.DoesNotContain('\n', line);
    }

    /// <summary>The offsets where the frames of a whole segment begin, and its end.</summary>
    private static List<int> Frames(byte[] segment)
    {
        List<int> starts = [];
        int at = RecordingFormat.SegmentPreambleBytes;
        while (at <= segment.Length)
        {
            starts.Add(at);
            if (at + 4 > segment.Length)
            {
                break;
            }

            at += RecordingFormat.FrameHeaderBytes + (int)BinaryPrimitives.ReadUInt32LittleEndian(segment.AsSpan(at));
        }

        return starts;
    }
}
