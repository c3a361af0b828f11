using TuiProcManager.Labs.Sessions;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.Recording.V1;

namespace TuiProcManager.Sessions.Recording;

/// <summary>
/// A session's lab as its server decided it at <see cref="Time"/> (a recording's <c>LabState</c> frame):
/// what replay shows in the lab panel from then on.
/// </summary>
/// <param name="Time">When the progress was decided.</param>
/// <param name="Id">The lab's id.</param>
/// <param name="Source">How tuiproc finds the lab: a shipped lab's id, or a lab file's absolute path.</param>
/// <param name="Progress">The whole progress.</param>
public sealed record RecordedLab(DateTimeOffset Time, string Id, string Source, LabProgress Progress)
{
    internal LabState ToFrame() => new()
    {
        Time = Time.ToWire(),
        Id = Id,
        Source = Source,
        ProgressJson = LabProgressJson.Write(Progress),
    };

    /// <summary>The frame's lab; null when its progress is not of a format this tuiproc reads (a later revision's).</summary>
    /// <exception cref="ProtocolException">A field that does not map.</exception>
    internal static RecordedLab? FromFrame(LabState m)
    {
        LabProgress? progress;
        try
        {
            progress = LabProgressJson.Read(m.ProgressJson);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new ProtocolException("a lab state's progress is not JSON: " + e.Message);
        }

        return progress is null ? null : new RecordedLab(m.Time.ToCore("time") ?? throw new ProtocolException("time: missing"), m.Id, m.Source, progress);
    }
}
