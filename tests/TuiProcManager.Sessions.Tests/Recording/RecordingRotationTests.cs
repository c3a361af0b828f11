using TuiProcManager.Core.Events;
using TuiProcManager.Sessions.Recording;
using TuiProcManager.Sessions.Server;

namespace TuiProcManager.Sessions.Tests.Recording;

/// <summary>The session's cap: the oldest segments go, and what is left is a recording that reads alone.</summary>
public sealed class RecordingRotationTests
{
    [Fact]
    public async Task PastTheCap_TheOldestSegmentsAreDeleted_AndTheRestReadsFromItsFirstKeyframe()
    {
        HistoryLimits limits = RecordingSeekTests.Small;
        RecorderSettings settings = new() { SessionBytes = 1024 * 1024, SegmentBytes = 64 * 1024, KeyframeEvents = 500 };
        using RecordingRig rig = new(settings, limits);
        List<SupervisorEvent> events = RandomSession.Events(seed: 31, count: 40_000);
        rig.SendInBatches(events, new Random(31));
        await rig.EndAsync();

        IReadOnlyList<string> segments = rig.Segments();
        long total = segments.Sum(s => new FileInfo(s).Length);
        Assert.InRange(total, settings.SessionBytes / 2, settings.SessionBytes);
        Assert.InRange(segments.Count, 3, 16);
        Assert.NotEqual("000001.tpr", Path.GetFileName(segments[0]));

        RecordingReader reader = rig.Open();
        Assert.True(reader.Rotated);
        Assert.Null(reader.Damage);
        Assert.Equal("ended by a client", reader.EndedBecause);
        Assert.True(reader.FirstSequence > 0);
        Assert.Equal(events[^1].Sequence, reader.LastSequence);
        // From the first moment kept to the end: every event, and every moment as a history fed them all.
        Assert.Equal(RandomSession.Wire(events.Where(e => e.Sequence > reader.FirstSequence)), RandomSession.Wire(reader.EventsAfter(0)));
        foreach (DateTimeOffset time in new[] { reader.StartTime, events[^100].Time, reader.EndTime })
        {
            Assert.Equal(RandomSession.Wire(RandomSession.HistoryAt(events, time, limits)), RandomSession.Wire(reader.HistoryAt(time).History));
        }
    }

    [Fact]
    public void Prune_DeletesTheOldestRecordingsOfEndedSessions_UntilUnderTheCap()
    {
        string root = Directory.CreateTempSubdirectory("tuiproc-rec-").FullName;
        try
        {
            RecordingsFolder folder = new(root);
            string Make(string name, int minute, int pid, int bytes)
            {
                string dir = folder.Create(name, EventBuilder.T0.AddMinutes(minute), pid);
                File.WriteAllBytes(Path.Combine(dir, "000001.tpr"), new byte[bytes]);
                return dir;
            }

            string oldest = Make("a", 0, 101, 400);
            string live = Make("b", 1, 102, 400);
            string older = Make("c", 2, 103, 400);
            string newer = Make("d", 3, 104, 400);
            string own = Make("e", 4, 105, 400);

            IReadOnlyList<string> deleted = folder.Prune(1_200, except: own, alive: pid => pid is 102 or 105);

            Assert.Equal([oldest, older], deleted); // b is alive, and then 1,200 bytes are left: d stays
            Assert.True(Directory.Exists(live));
            Assert.True(Directory.Exists(newer));
            Assert.Equal(["b", "d", "e"], folder.List().Select(e => e.Session));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(own));
            Assert.Equal("d", folder.Newest("d")!.Session);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void ForUser_StateHomeFirst_ThenHome_ElseNowhere()
    {
        Assert.Equal("/x/state/tuiproc/sessions", RecordingsFolder.ForUser(n => n == "XDG_STATE_HOME" ? "/x/state" : "/home/u")!.Path);
        Assert.Equal("/home/u/.local/state/tuiproc/sessions", RecordingsFolder.ForUser(n => n == "HOME" ? "/home/u" : null)!.Path);
        Assert.Null(RecordingsFolder.ForUser(_ => null));
    }

    [Theory]
    [InlineData(null, true, 128, 1024)]
    [InlineData("", true, 128, 1024)]
    [InlineData("off", false, 128, 1024)]
    [InlineData("OFF", false, 128, 1024)]
    [InlineData("64M", true, 64, 1024)]
    [InlineData("2G", true, 2048, 2048)]
    [InlineData("32M:256M", true, 32, 256)]
    public void Settings_FromTheEnvironment(string? value, bool enabled, long sessionMiB, long allMiB)
    {
        RecorderSettings settings = RecorderSettings.From(value, out string? problem);
        Assert.Null(problem);
        Assert.Equal(enabled, settings.Enabled);
        Assert.Equal(sessionMiB * 1024 * 1024, settings.SessionBytes);
        Assert.Equal(allMiB * 1024 * 1024, settings.AllBytes);
    }

    [Theory]
    [InlineData("lots")]
    [InlineData("12")]
    [InlineData("64M:32M")]
    [InlineData("1M:2M:3M")]
    [InlineData("99999999999G")]
    public void Settings_NotUnderstood_SaidInOneLine_AndTheDefaults(string value)
    {
        RecorderSettings settings = RecorderSettings.From(value, out string? problem);
        Assert.Equal($"TUIPROC_RECORDER={value}: not off nor SESSION[:ALL] (sizes of at least 1M, such as 64M:512M, the second no smaller); using 128 MiB:1 GiB", problem);
        Assert.Equal(new RecorderSettings(), settings);
    }

    [Fact]
    public void Settings_Segments_AreASixteenthOfTheCap_Within256KiBAnd8MiB()
    {
        Assert.Equal(8 * 1024 * 1024, new RecorderSettings().SegmentBytes);
        Assert.Equal(4 * 1024 * 1024, new RecorderSettings { SessionBytes = 64 * 1024 * 1024 }.SegmentBytes);
        Assert.Equal(256 * 1024, new RecorderSettings { SessionBytes = 1024 * 1024 }.SegmentBytes);
    }
}
