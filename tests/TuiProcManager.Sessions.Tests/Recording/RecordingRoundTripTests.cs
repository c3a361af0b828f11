using TuiProcManager.Core.Events;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Sessions.Recording;
using TuiProcManager.Sessions.Tests.Protocol;

namespace TuiProcManager.Sessions.Tests.Recording;

/// <summary>What the recorder writes, the reader reads back: every event, in order, each as it was.</summary>
public sealed class RecordingRoundTripTests
{
    [Fact]
    public async Task EveryKindOfEvent_InBatches_ReadBackInOrderAsTheyWere()
    {
        using RecordingRig rig = new();
        List<SupervisorEvent> events = [new SupervisorSnapshot(0, EventBuilder.T0, [])];
        long sequence = 0;
        foreach (SupervisorEvent sample in EventSamples.All.Values)
        {
            events.Add(sample with { Sequence = ++sequence });
        }

        rig.SendInBatches(events, new Random(1), largest: 5);
        await rig.EndAsync();

        RecordingReader reader = rig.Open();
        Assert.Null(reader.Damage);
        Assert.Equal(RandomSession.Wire(events.Skip(1)), RandomSession.Wire(reader.EventsAfter(reader.FirstSequence)));
        Assert.Equal(0, reader.FirstSequence);
        Assert.Equal(sequence, reader.LastSequence);
        Assert.Equal("lab-a", reader.Session);
        Assert.Equal(4242, reader.ServerPid);
        Assert.Equal("ended by a client", reader.EndedBecause);
    }

    [Fact]
    public async Task ARandomSession_EventsAfterAnyPoint_AreTheEventsAfterIt()
    {
        using RecordingRig rig = new(new RecorderSettings { KeyframeEvents = 100, SegmentBytes = 32 * 1024 }, RecordingSeekTests.Small);
        List<SupervisorEvent> events = RandomSession.Events(seed: 7, count: 3_000);
        rig.SendInBatches(events, new Random(7));
        await rig.EndAsync();

        RecordingReader reader = rig.Open();
        Assert.True(rig.Segments().Count > 2, "several segments");
        foreach (long after in new long[] { -5, 0, 1, 99, 100, 1_234, 2_998, 2_999, 5_000 })
        {
            Assert.Equal(RandomSession.Wire(events.Where(e => e.Sequence > Math.Max(after, 0))), RandomSession.Wire(reader.EventsAfter(after)));
        }
    }

    [Fact]
    public async Task LabAnswersAndHints_ReadBackInOrder()
    {
        using RecordingRig rig = new();
        EventBuilder e = new();
        rig.Send(new SupervisorSnapshot(0, e.Now, []), e.Spawned(1));
        LabRecord hint = new(LabRecordKind.Hint, EventBuilder.T0.AddSeconds(1), "1", "start", null);
        LabRecord answer = new(LabRecordKind.Answer, EventBuilder.T0.AddSeconds(2), "1", "why", "because of SIGSTOP");
        rig.Recorder.Write(hint);
        rig.Recorder.Write(answer);
        rig.Send(e.Line(1, "after"));
        await rig.EndAsync();

        Assert.Equal([hint, answer], rig.Open().LabRecords);
    }

    [Fact]
    public async Task ARecorderDisposedWithoutTheStreamsEnd_TheRecordingHasNoEnd_AndReadsWhole()
    {
        // A server killed or a session still running: no end frame, which is not damage.
        RecordingRig rig = new();
        EventBuilder e = new();
        rig.Send(new SupervisorSnapshot(0, e.Now, []), e.Spawned(1), e.Line(1, "one"));
        await Sessions.Poll.UntilAsync(() => RecordingReader.Open(rig.Directory, out _)?.LastSequence == 2, "the line written");
        rig.Recorder.Dispose();
        RecordingReader reader = rig.Open();
        Assert.Null(reader.EndedBecause);
        Assert.Null(reader.Damage);
        Assert.Equal(["one"], reader.EventsAfter(0).OfType<OutputLine>().Select(l => l.Text));
        rig.Dispose();
    }

    [Fact]
    public async Task SegmentFiles_AreTheOwnersOnly()
    {
        using RecordingRig rig = new();
        rig.Send(new SupervisorSnapshot(0, EventBuilder.T0, []));
        await rig.EndAsync();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Assert.Single(rig.Segments())));
    }
}
