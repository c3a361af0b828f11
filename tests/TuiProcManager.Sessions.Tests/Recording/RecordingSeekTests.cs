using TuiProcManager.Core.Events;
using TuiProcManager.Sessions.Recording;
using TuiProcManager.Sessions.Server;

namespace TuiProcManager.Sessions.Tests.Recording;

/// <summary>
/// Model-based: at any time, the moment a recording gives (its nearest keyframe, then the events after it)
/// is the history a <see cref="SessionHistory"/> fed every event up to that time would give.
/// </summary>
public sealed class RecordingSeekTests
{
    internal static readonly HistoryLimits Small = new() { LinesPerWorker = 20, Lines = 70, SamplesPerWorker = 4, ChangesPerWorker = 6 };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public async Task HistoryAt_AnyTime_IsTheHistoryOfEveryEventUpToIt(int seed)
    {
        using RecordingRig rig = new(new RecorderSettings { KeyframeEvents = 150, SegmentBytes = 48 * 1024 }, Small);
        List<SupervisorEvent> events = RandomSession.Events(seed, count: 4_000);
        Random random = new(seed);
        rig.SendInBatches(events, random);
        await rig.EndAsync();

        RecordingReader reader = rig.Open();
        Assert.True(rig.Segments().Count > 2, "several segments, each with its keyframe");
        List<DateTimeOffset> times = [reader.StartTime, reader.EndTime, reader.EndTime.AddHours(1)];
        for (int i = 0; i < 40; i++)
        {
            SupervisorEvent at = events[random.Next(events.Count)];
            times.Add(at.Time);
            times.Add(at.Time.AddTicks(random.Next(-5, 5)));
        }

        foreach (DateTimeOffset time in times)
        {
            RecordedMoment moment = reader.HistoryAt(time);
            IReadOnlyList<SupervisorEvent> expected = RandomSession.HistoryAt(events, time, Small);
            Assert.Equal(RandomSession.Wire(expected), RandomSession.Wire(moment.History));
            Assert.Equal(events.Last(e => e.Time <= time || e is SupervisorSnapshot).Sequence, moment.Sequence);
        }

        Assert.Null(reader.ReadProblem);
    }

    [Fact]
    public async Task HistoryAt_BeforeTheStart_IsTheFirstMoment()
    {
        using RecordingRig rig = new();
        EventBuilder e = new() { Now = EventBuilder.T0.AddMinutes(1) };
        rig.Send(new SupervisorSnapshot(0, e.Now, []), e.Spawned(1));
        await rig.EndAsync();

        RecordedMoment moment = rig.Open().HistoryAt(EventBuilder.T0);
        Assert.Equal(0, moment.Sequence);
        Assert.IsType<SupervisorSnapshot>(Assert.Single(moment.History));
    }

    [Fact]
    public async Task Keyframes_FollowTheRule_AtLeastTheMinimumAndTwiceTheLastKeyframe()
    {
        // 1 worker, LinesPerWorker 500: the keyframe grows to ~500 events, so keyframes come every ~1,000
        // events (twice it), not every 100 (the minimum).
        using RecordingRig rig = new(new RecorderSettings { KeyframeEvents = 100 }, new HistoryLimits { LinesPerWorker = 500 });
        EventBuilder e = new();
        rig.Send(new SupervisorSnapshot(0, e.Now, []), e.Spawned(1));
        for (int i = 0; i < 100; i++)
        {
            rig.Send([.. Enumerable.Range(0, 100).Select(n => e.Line(1, "x"))]);
        }

        await rig.EndAsync();
        List<(long Sequence, long Events)> keyframes = Keyframes(rig.Open());
        Assert.Equal((0, 1), keyframes[0]);
        for (int i = 1; i < keyframes.Count; i++)
        {
            long due = Math.Max(100, 2 * keyframes[i - 1].Events);
            long gap = keyframes[i].Sequence - keyframes[i - 1].Sequence;
            Assert.InRange(gap, due, due + 99); // at the end of the batch (of 100) that reaches it
        }

        Assert.Equal(502, keyframes[^1].Events); // the snapshot, the spawn, the newest 500 lines
        Assert.InRange(keyframes.Count, 9, 12);
    }

    /// <summary>The sequences keyframes stand at, read from the segments with the scanner.</summary>
    private static List<(long Sequence, long Events)> Keyframes(RecordingReader reader) =>
        [.. Directory.EnumerateFiles(reader.Path).Order(StringComparer.Ordinal).SelectMany(f => SegmentScanner.Scan(f, 1).Keyframes.Select(k => (k.Sequence, k.Events)))];
}
