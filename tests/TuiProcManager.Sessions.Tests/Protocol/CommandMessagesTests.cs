using Google.Protobuf;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Protocol;
using V1 = TuiProcManager.Protocol.V1;

namespace TuiProcManager.Sessions.Tests.Protocol;

public sealed class CommandMessagesTests
{
    private static readonly Dictionary<string, SchedulingChange> Changes = new(StringComparer.Ordinal)
    {
        ["nothing"] = new SchedulingChange(),
        ["toggle"] = SchedulingChange.Toggle,
        ["fewer slots"] = SchedulingChange.MoveSlots(-2),
        ["exact"] = SchedulingChange.To(SchedulingMode.PauseOnWait, 3),
        ["parallel, toggled, slots and delta"] = new SchedulingChange { Mode = SchedulingMode.Parallel, ToggleMode = true, Slots = 1, SlotDelta = 4 },
    };

    public static TheoryData<string> ChangeNames => [.. Changes.Keys];

    [Theory]
    [MemberData(nameof(ChangeNames))]
    public void SchedulingChange_ToCoreOfToWire_IsTheSameChange(string name)
    {
        SchedulingChange change = Changes[name];

        Assert.Equal(change, V1.SchedulingChangeRequest.Parser.ParseFrom(change.ToWire().ToByteArray()).ToCore());
    }

    [Fact]
    public void SchedulingChange_AnUnknownMode_NamesTheField() =>
        ProtocolAssert.Throws("mode: 99 is not a known SchedulingMode", () => new V1.SchedulingChangeRequest { Mode = (V1.SchedulingMode)99 }.ToCore());

    [Theory]
    [InlineData(SchedulingMode.Parallel, 1, false)]
    [InlineData(SchedulingMode.PauseOnWait, 7, true)]
    public void SchedulingOutcome_ToCoreOfToWire_IsTheSameOutcome(SchedulingMode mode, int slots, bool changed)
    {
        SchedulingOutcome outcome = new(mode, slots, changed);

        Assert.Equal(outcome, outcome.ToWire().ToCore());
    }

    [Fact]
    public void PauseOutcome_EveryValue_MapsAndMapsBack() =>
        EnumMapping.Of<PauseOutcome, V1.PauseReply.Types.Outcome>(v => v.ToWire(), v => v.ToCore()).AssertBijection();

    [Fact]
    public void PauseOutcome_AWireValueThisBuildDoesNotKnow_ThrowsOneLine() =>
        ProtocolAssert.Throws("outcome: 99 is not a known PauseReply.Outcome", () => ((V1.PauseReply.Types.Outcome)99).ToCore());
}
