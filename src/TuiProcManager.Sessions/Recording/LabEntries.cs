using TuiProcManager.Labs.Sessions;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.Recording.V1;

namespace TuiProcManager.Sessions.Recording;

/// <summary>A lab's answers and hints (<see cref="LabRecord"/>) as a recording's <see cref="LabEntry"/>, and back.</summary>
internal static class LabEntries
{
    public static LabEntry ToEntry(this LabRecord record)
    {
        LabEntry m = new()
        {
            Kind = record.Kind == LabRecordKind.Hint ? LabEntry.Types.Kind.Hint : LabEntry.Types.Kind.Answer,
            Time = record.Time.ToWire(),
            Lab = record.Lab,
            Step = record.Step,
        };
        if (record.Answer is not null)
        {
            m.Answer = record.Answer;
        }

        return m;
    }

    /// <exception cref="ProtocolException">A field that does not map.</exception>
    public static LabRecord ToRecord(this LabEntry m) => new(
        m.Kind switch
        {
            LabEntry.Types.Kind.Answer => LabRecordKind.Answer,
            LabEntry.Types.Kind.Hint => LabRecordKind.Hint,
            _ => throw new ProtocolException($"kind: unknown value {(int)m.Kind}"),
        },
        m.Time.ToCore("time") ?? throw new ProtocolException("time: missing"),
        m.Lab,
        m.Step,
        m.HasAnswer ? m.Answer : null);
}
