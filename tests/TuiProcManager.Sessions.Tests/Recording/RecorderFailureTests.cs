using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Sessions.Recording;

namespace TuiProcManager.Sessions.Tests.Recording;

/// <summary>A disk that fills: the recording stops, said once, and never holds a worker again.</summary>
public sealed class RecorderFailureTests
{
    [Fact]
    public async Task AWriteThatFails_StopsTheRecording_SaidOnce_AndTheStreamIsLetGo()
    {
        FillingDisk disk = new(capacity: 20_000);
        using RecordingRig rig = new(open: disk.Open);
        List<string> said = [];
        rig.Recorder.Stopped = said.Add;
        List<SupervisorEvent> events = RandomSession.Events(seed: 21, count: 3_000);
        rig.SendInBatches(events[..1_500], new Random(21));
        await rig.Recorder.Completion.WaitAsync(RecordingRig.Bound);

        Assert.False(rig.Subscribed, "the recorder let go of its stream: it holds no worker back");
        rig.SendInBatches(events[1_500..], new Random(22)); // nobody listens: nothing more is tried
        string line = Assert.Single(said);
        Assert.StartsWith("the flight recorder stopped: no space left on device; the recording in " + rig.Directory + " ends at ", line, StringComparison.Ordinal);
        Assert.EndsWith(" UTC, and the workers go on", line, StringComparison.Ordinal);
        Assert.Equal(line, rig.Recorder.Problem);
        Assert.Equal(line, await rig.Recorder.CloseAsync());
        Assert.Equal(1, disk.Failures);

        // What was written before the failure reads back, up to the cut frame.
        RecordingReader reader = rig.Open();
        List<TuiProcManager.Protocol.V1.Event> read = RandomSession.Wire(reader.EventsAfter(-1));
        Assert.NotEmpty(read);
        Assert.Equal(RandomSession.Wire(events.Skip(1).Take(read.Count)), read);
    }

    [Fact]
    public async Task ASessionsSupervisor_ItsLosslessStreamIsRecorded_FromItsSnapshot()
    {
        using SupervisorHarness h = new();
        string root = Directory.CreateTempSubdirectory("tuiproc-rec-").FullName;
        try
        {
            using SessionRecorder recorder = new(root, "s", EventBuilder.T0, 1);
            recorder.Start(h.Supervisor);
            h.Supervisor.Spawn(WorkerSpec.Command(["seq", "1", "500"]));
            h.Os.EventsOf(100).OnOutput(OutputChannel.Stdout, [.. Enumerable.Range(1, 500).Select(i => $"line {i}")]);
            recorder.Ending("ended by a client");
            h.Supervisor.Dispose(); // its streams complete
            await recorder.Completion.WaitAsync(RecordingRig.Bound);
            Assert.Null(await recorder.CloseAsync());

            RecordingReader reader = Assert.IsType<RecordingReader>(RecordingReader.Open(root, out _));
            Assert.Equal("ended by a client", reader.EndedBecause);
            Assert.Contains(reader.EventsAfter(-1), e => e is WorkerSpawned);
            Assert.Equal(Enumerable.Range(1, 500).Select(i => $"line {i}"), reader.EventsAfter(-1).OfType<OutputLine>().Select(l => l.Text));
            Assert.Equal(h.Events.Max(e => e.Sequence), reader.LastSequence);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
