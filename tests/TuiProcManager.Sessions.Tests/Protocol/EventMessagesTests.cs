using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;
using TuiProcManager.Protocol;
using V1 = TuiProcManager.Protocol.V1;

namespace TuiProcManager.Sessions.Tests.Protocol;

public sealed class EventMessagesTests
{
    public static TheoryData<string> Samples => EventSamples.Names;

    [Theory]
    [MemberData(nameof(Samples))]
    public void ToCore_OfToWire_GivesTheSameEvent(string sample)
    {
        SupervisorEvent e = EventSamples.All[sample];

        SupervisorEvent? back = e.ToWire().ToCore();

        Assert.Equal(CanonicalForm.Of(e), CanonicalForm.Of(back));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void ToCore_OfTheBytes_GivesTheSameEvent(string sample)
    {
        SupervisorEvent e = EventSamples.All[sample];

        SupervisorEvent? back = V1.Event.Parser.ParseFrom(e.ToWire().ToByteArray()).ToCore();

        Assert.Equal(CanonicalForm.Of(e), CanonicalForm.Of(back));
    }

    [Fact]
    public void ToCore_OfABatchOfEverySample_GivesThemBackInOrder()
    {
        V1.EventBatch batch = new();
        foreach (SupervisorEvent e in EventSamples.All.Values)
        {
            batch.Events.Add(e.ToWire());
        }

        V1.EventBatch parsed = V1.EventBatch.Parser.ParseFrom(batch.ToByteArray());

        Assert.Equal(
            EventSamples.All.Values.Select(CanonicalForm.Of),
            parsed.Events.Select(m => CanonicalForm.Of(m.ToCore())));
    }

    [Fact]
    public void ToCore_AnEventOfAKindFromANewerRevision_IsNull()
    {
        // A newer server sends a kind this build does not know: proto3 keeps it as an unknown field.
        V1.Event known = new() { Sequence = 5, Time = EventBuilder.T0.ToWire() };
        using MemoryStream bytes = new();
        known.WriteTo(bytes);
        CodedOutputStream output = new(bytes);
        output.WriteTag(99, WireFormat.WireType.LengthDelimited);
        output.WriteString("a future event");
        output.Flush();

        V1.Event parsed = V1.Event.Parser.ParseFrom(bytes.ToArray());

        Assert.Equal(V1.Event.KindOneofCase.None, parsed.KindCase);
        Assert.Null(parsed.ToCore());
    }

    [Fact]
    public void ToCore_AnEventWithoutTime_Throws() =>
        ProtocolAssert.Throws("time: missing", () => Wire("OutputLine, stdout", m => m.Time = null).ToCore());

    [Fact]
    public void ToCore_AnEventWithATimeOutOfRange_NamesTime()
    {
        string problem = ProtocolAssert.ThrowsNaming(
            "time", () => Wire("OutputLine, stdout", m => m.Time = new Timestamp { Seconds = 1, Nanos = -1 }).ToCore());

        Assert.Equal("not a valid time (seconds 1, nanos -1)", problem);
    }

    [Fact]
    public void ToCore_WorkerSpawnedWithoutSpec_NamesTheField() =>
        ProtocolAssert.Throws("worker_spawned.spec: missing", () => Wire("WorkerSpawned, refused, with note", m => m.WorkerSpawned.Spec = null).ToCore());

    [Fact]
    public void ToCore_WorkerEndedWithoutExit_NamesTheField() =>
        ProtocolAssert.Throws("worker_ended.exit: missing", () => Wire("WorkerEnded, exited 3", m => m.WorkerEnded.Exit = null).ToCore());

    [Fact]
    public void ToCore_AnExitWithoutItsCode_NamesTheCode() =>
        ProtocolAssert.Throws("worker_ended.exit.code: missing", () => Wire("WorkerEnded, exited 3", m => m.WorkerEnded.Exit.ClearCode()).ToCore());

    [Fact]
    public void ToCore_AStateFromANewerPeer_ThrowsOneLineNamingTheField()
    {
        byte[] bytes = Wire("WorkerStateChanged", m => m.WorkerStateChanged.To = (V1.WorkerState)99).ToByteArray();

        ProtocolAssert.Throws("worker_state_changed.to: 99 is not a known WorkerState", () => V1.Event.Parser.ParseFrom(bytes).ToCore());
    }

    [Fact]
    public void ToCore_AnOutputLineOnAnUnknownChannel_NamesTheField() =>
        ProtocolAssert.Throws(
            "output_line.channel: 7 is not a known OutputChannel", () => Wire("OutputLine, stdout", m => m.OutputLine.Channel = (V1.OutputChannel)7).ToCore());

    [Fact]
    public void ToCore_ASnapshotWorkerWithABadNumber_NamesItsPath()
    {
        V1.Event m = Wire("Snapshot, workers of every kind and state", m => m.Snapshot.Workers[1].Spec.Number = "12a");

        string problem = ProtocolAssert.ThrowsNaming("snapshot.workers[1].spec.number", () => m.ToCore());

        Assert.False(WorkerSpecParser.TryParseNumber("12a", out _, out string? coreMessage));
        Assert.Equal(coreMessage, problem);
    }

    [Fact]
    public void ToCore_ADescendantSampleWithoutCpuTime_NamesItsPath() =>
        ProtocolAssert.Throws(
            "resource_sampled.descendants[1].cpu_time: missing",
            () => Wire("ResourceSampled, descendants", m => m.ResourceSampled.Descendants[1].CpuTime = null).ToCore());

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ToCore_AResultWithNotExactlyOneOfResultAndError_Throws(bool both) =>
        ProtocolAssert.Throws(
            "result_recorded: exactly one of result and error must be set",
            () => Wire("ResultRecorded, result", m =>
            {
                if (both)
                {
                    m.ResultRecorded.Error = "and an error";
                }
                else
                {
                    m.ResultRecorded.ClearResult();
                }
            }).ToCore());

    [Fact]
    public void ToCore_ATimeAtAnotherOffset_IsTheSameInstantAtOffsetZero()
    {
        DateTimeOffset local = new(2026, 11, 25, 14, 30, 0, TimeSpan.FromHours(2));

        SupervisorEvent? back = new OutputLine(1, local, new WorkerId(1), OutputChannel.Stdout, "x", 1).ToWire().ToCore();

        Assert.Equal(local.UtcDateTime, back!.Time.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, back.Time.Offset);
    }

    [Fact]
    public void ToCore_OfAnOutputLine_AllocatesTheEventAndNothingElse()
    {
        // The hot path: a flooding worker's million lines each pass here on a client.
        V1.Event m = EventSamples.All["OutputLine, stdout"].ToWire();
        m.ToCore();
        long eventBytes = AllocatedBy(() => _ = new OutputLine(1, EventBuilder.T0, new WorkerId(1), OutputChannel.Stdout, m.OutputLine.Text, 1));

        long mappingBytes = AllocatedBy(() => m.ToCore());

        Assert.Equal(eventBytes, mappingBytes);
    }

    private static long AllocatedBy(Action action)
    {
        const int Calls = 1000;
        action();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++)
        {
            action();
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / Calls;
    }

    /// <summary>The wire form of a sample, changed by <paramref name="change"/> as a broken or newer peer would send it.</summary>
    private static V1.Event Wire(string sample, Action<V1.Event> change)
    {
        V1.Event m = EventSamples.All[sample].ToWire();
        change(m);
        return m;
    }
}
