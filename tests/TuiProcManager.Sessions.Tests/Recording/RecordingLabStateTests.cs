using System.Collections.Immutable;
using TuiProcManager.Core.Events;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Sessions.Recording;

namespace TuiProcManager.Sessions.Tests.Recording;

/// <summary>The lab's progress in a recording (LabState frames): at the start, at each change, and again in every segment, so that rotation never loses which lab it was.</summary>
public sealed class RecordingLabStateTests
{
    private static RecordedLab State(DateTimeOffset at, int done) => new(at, "3", "/labs/3.json", new LabProgress
    {
        Lab = "3",
        Title = "Waiting",
        StartedAt = EventBuilder.T0,
        Steps = Enumerable.Range(1, done).ToImmutableDictionary(i => $"s{i}", _ => new StepProgress { DoneAt = at }),
    });

    [Fact]
    public async Task StatesWritten_BeforeTheFirstEventAndAfter_AreReadBackInOrder()
    {
        using RecordingRig rig = new();
        rig.Recorder.Write(State(EventBuilder.T0, 0)); // the keeper's first push comes before any event
        EventBuilder e = new();
        rig.Send(new SupervisorSnapshot(0, e.Now, []), e.Spawned(1));
        e.Now += TimeSpan.FromSeconds(5);
        rig.Send(e.Line(1, "Square: 100"));
        rig.Recorder.Write(State(e.Now, 1));
        rig.Send(e.Ended(1));
        await rig.EndAsync();

        RecordingReader reader = rig.Open();
        Assert.Equal([0, 1], reader.LabStates.Select(s => s.Progress.Steps.Count));
        Assert.Equal("/labs/3.json", reader.LabStates[1].Source);
        Assert.Equal(EventBuilder.T0.AddSeconds(5), reader.LabStates[1].Time);
        Assert.Equal(EventBuilder.T0.AddSeconds(5), reader.LabStates[1].Progress.Steps["s1"].DoneAt);
    }

    [Fact]
    public async Task PastTheCap_TheLabIsStillKnown_FromTheStateEachSegmentRepeats()
    {
        RecorderSettings settings = new() { SessionBytes = 512 * 1024, SegmentBytes = 64 * 1024, KeyframeEvents = 500 };
        using RecordingRig rig = new(settings, RecordingSeekTests.Small);
        List<SupervisorEvent> events = RandomSession.Events(seed: 5, count: 20_000);
        rig.Recorder.Write(State(EventBuilder.T0, 0));
        rig.SendInBatches(events[..1000], new Random(5));
        rig.Recorder.Write(State(events[999].Time, 2));
        rig.SendInBatches(events[1000..], new Random(5));
        await rig.EndAsync();

        RecordingReader reader = rig.Open();
        Assert.True(reader.Rotated, "the first segments were deleted");
        Assert.All(reader.LabStates, s => Assert.Equal(2, s.Progress.Steps.Count)); // the first state went with its segment
        Assert.True(reader.LabStates.Count >= rig.Segments().Count, "each segment repeats the state");
    }
}
