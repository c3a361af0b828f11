using Google.Protobuf.WellKnownTypes;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;
using TuiProcManager.Protocol;
using V1 = TuiProcManager.Protocol.V1;

namespace TuiProcManager.Sessions.Tests.Protocol;

public sealed class ValueMessagesTests
{
    private static readonly Dictionary<string, EnumMapping> Enums = new(StringComparer.Ordinal)
    {
        [nameof(WorkerKind)] = EnumMapping.Of<WorkerKind, V1.WorkerKind>(v => v.ToWire(), v => v.ToCore()),
        [nameof(WorkerState)] = EnumMapping.Of<WorkerState, V1.WorkerState>(v => v.ToWire(), v => v.ToCore()),
        [nameof(ExitKind)] = EnumMapping.Of<ExitKind, V1.ExitKind>(v => v.ToWire(), v => v.ToCore()),
        [nameof(OutputChannel)] = EnumMapping.Of<OutputChannel, V1.OutputChannel>(v => v.ToWire(), v => v.ToCore()),
        [nameof(ProcessSignal)] = EnumMapping.Of<ProcessSignal, V1.Signal>(v => v.ToWire(), v => v.ToCore()),
        [nameof(SignalCause)] = EnumMapping.Of<SignalCause, V1.SignalCause>(v => v.ToWire(), v => v.ToCore()),
        [nameof(JoinOutcome)] = EnumMapping.Of<JoinOutcome, V1.JoinOutcome>(v => v.ToWire(), v => v.ToCore()),
        [nameof(SchedulingMode)] = EnumMapping.Of<SchedulingMode, V1.SchedulingMode>(v => v.ToWire(), v => v.ToCore()),
        [nameof(SlotChange)] = EnumMapping.Of<SlotChange, V1.SlotChange>(v => v.ToWire(), v => v.ToCore()),
    };

    public static TheoryData<string> EnumNames => [.. Enums.Keys];

    public static TheoryData<int> SpecIndexes => [.. Enumerable.Range(0, EventSamples.Specs.Count)];

    [Theory]
    [MemberData(nameof(EnumNames))]
    public void Enum_EveryValue_MapsAndMapsBack(string name) => Enums[name].AssertBijection();

    [Theory]
    [MemberData(nameof(EnumNames))]
    public void Enum_AWireValueThisBuildDoesNotKnow_ThrowsOneLine(string name)
    {
        string problem = ProtocolAssert.ThrowsNaming(DefaultField(name), () => Enums[name].ToCoreFromNumber(99));

        Assert.StartsWith("99 is not a known ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_EveryCoreEnumOnTheWire_IsChecked()
    {
        // Every Core enum that a mapped value holds has its entry above (PauseOutcome is CommandMessagesTests').
        string[] held = [nameof(WorkerKind), nameof(WorkerState), nameof(ExitKind), nameof(OutputChannel), nameof(ProcessSignal),
            nameof(SignalCause), nameof(JoinOutcome), nameof(SchedulingMode), nameof(SlotChange)];
        HashSet<string> reached = new(StringComparer.Ordinal);
        foreach (SupervisorEvent e in EventSamples.All.Values)
        {
            CanonicalForm.Walk(e, value =>
            {
                foreach (System.Reflection.PropertyInfo p in CanonicalForm.Properties(value.GetType()))
                {
                    if ((Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType).IsEnum)
                    {
                        reached.Add((Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType).Name);
                    }
                }
            });
        }

        Assert.Equal(held.Order(StringComparer.Ordinal), reached.Order(StringComparer.Ordinal));
        Assert.Equal(held.Order(StringComparer.Ordinal), Enums.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(SpecIndexes))]
    public void WorkerSpec_ToCoreOfToWire_IsTheSameSpec(int index)
    {
        WorkerSpec spec = EventSamples.Specs[index];

        Assert.Equal(spec, spec.ToWire().ToCore());
    }

    [Fact]
    public void WorkerSpec_Unset_IsMissing() =>
        ProtocolAssert.Throws("spec: missing", () => ((V1.WorkerSpec?)null).ToCore());

    [Fact]
    public void WorkerSpec_ANumberThatIsNotWhole_ThrowsWithCoresMessage()
    {
        string problem = ProtocolAssert.ThrowsNaming("spec.number", () => new V1.WorkerSpec { Kind = V1.WorkerKind.Square, Number = "abc" }.ToCore());

        Assert.False(WorkerSpecParser.TryParseNumber("abc", out _, out string? coreMessage));
        Assert.Equal(coreMessage, problem);
    }

    [Fact]
    public void WorkerSpec_AnEmptyNumber_NamesTheField() =>
        ProtocolAssert.ThrowsNaming("spec.number", () => new V1.WorkerSpec { Kind = V1.WorkerKind.Cube }.ToCore());

    [Fact]
    public void WorkerSpec_ANumberWithSignAndZeros_IsMadeCanonical() =>
        Assert.Equal(WorkerSpec.Square("7"), new V1.WorkerSpec { Kind = V1.WorkerKind.Square, Number = "+007" }.ToCore());

    [Theory]
    [InlineData(-1, 0, 0, "steps")]
    [InlineData(Workload.MaxSteps + 1, 0, 0, "steps")]
    [InlineData(1, Workload.MaxMilliseconds + 1, 0, "work_ms")]
    [InlineData(1, 0, -5, "wait_ms")]
    public void WorkerSpec_AWorkloadOutOfRange_NamesTheField(int steps, int workMs, int waitMs, string field)
    {
        V1.WorkerSpec m = new() { Kind = V1.WorkerKind.Square, Number = "3", Workload = new V1.Workload { Steps = steps, WorkMs = workMs, WaitMs = waitMs } };

        string problem = ProtocolAssert.ThrowsNaming("spec.workload." + field, () => m.ToCore());

        Assert.DoesNotContain("Parameter", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void WorkerSpec_UnsetWorkload_IsInstant() =>
        Assert.Equal(WorkerSpec.Cube("2"), new V1.WorkerSpec { Kind = V1.WorkerKind.Cube, Number = "2" }.ToCore());

    public static TheoryData<string[]> CommandsWithoutProgram => [[], [""], ["", "arg"]];

    [Theory]
    [MemberData(nameof(CommandsWithoutProgram))]
    public void WorkerSpec_ACommandWithoutProgram_NamesTheField(string[] argv)
    {
        V1.WorkerSpec m = new() { Kind = V1.WorkerKind.Command };
        m.Command.Add(argv);

        ProtocolAssert.Throws("spec.command: A command needs a program.", () => m.ToCore());
    }

    [Fact]
    public void WorkerSpec_APoolWorkerWithoutPool_NamesTheField() =>
        ProtocolAssert.Throws("spec.pool: missing", () => new V1.WorkerSpec { Kind = V1.WorkerKind.Pool }.ToCore());

    [Fact]
    public void WorkerSpec_AtAPathTheCallerNames_SaysThatPath() =>
        ProtocolAssert.Throws("request.spec.pool: missing", () => new V1.WorkerSpec { Kind = V1.WorkerKind.Pool }.ToCore("request.spec"));

    [Fact]
    public void PoolRequest_ToCoreOfToWire_IsTheSameRequest()
    {
        PoolRequest request = EventBuilder.Pool("cube:-2..2,100", 4, new Workload(1, 2, 3));

        Assert.Equal(request, request.ToWire().ToCore());
    }

    [Fact]
    public void PoolRequest_AnInputOfAnotherKind_NamesIt()
    {
        V1.PoolRequest m = EventBuilder.Pool("square:1..3", 1).ToWire();
        m.Tasks[2].Kind = V1.WorkerKind.Command;

        ProtocolAssert.Throws("request.tasks[2].kind: a pool input is square or cube, not Command", () => m.ToCore());
    }

    [Fact]
    public void PoolRequest_AnInputThatIsNotWhole_NamesItWithCoresMessage()
    {
        V1.PoolRequest m = EventBuilder.Pool("square:1..3", 1).ToWire();
        m.Tasks[1].Input = "1.5";

        string problem = ProtocolAssert.ThrowsNaming("request.tasks[1].input", () => m.ToCore());

        Assert.False(WorkerSpecParser.TryParseNumber("1.5", out _, out string? coreMessage));
        Assert.Equal(coreMessage, problem);
    }

    [Fact]
    public void PoolRequest_AnInputWithZeros_IsMadeCanonical() =>
        Assert.Equal(new PoolTask(WorkerKind.Cube, "-8"), new V1.PoolTask { Kind = V1.WorkerKind.Cube, Input = "-0008" }.ToCore());

    [Fact]
    public void PoolOutcome_ToCoreOfToWire_IsTheSameOutcome() =>
        Assert.Equal(new PoolOutcome(1, 2, 3), new PoolOutcome(1, 2, 3).ToWire().ToCore());

    [Fact]
    public void Duration_BeyondProtobufsRange_IsSentAsItsBound()
    {
        TimeSpan? back = TimeSpan.MaxValue.ToWire().ToCore();

        Assert.Equal(TimeSpan.FromSeconds(Duration.MaxSeconds), back);
        Assert.Equal(-TimeSpan.FromSeconds(Duration.MaxSeconds), TimeSpan.MinValue.ToWire().ToCore());
    }

    [Fact]
    public void Duration_NotValid_NamesTheField() =>
        ProtocolAssert.Throws(
            "join_started.timeout: not a valid duration (seconds 1, nanos -1)",
            () => new Duration { Seconds = 1, Nanos = -1 }.ToCore("join_started.timeout"));

    private static string DefaultField(string enumName) => enumName switch
    {
        nameof(WorkerKind) or nameof(ExitKind) => "kind",
        nameof(WorkerState) => "state",
        nameof(OutputChannel) => "channel",
        nameof(ProcessSignal) => "signal",
        nameof(SignalCause) => "cause",
        nameof(JoinOutcome) => "outcome",
        nameof(SchedulingMode) => "mode",
        _ => "change",
    };
}
