using TuiProcManager.Protocol.V1;
using TuiProcManager.Tui.Models;

namespace TuiProcManager.Sessions.Class;

/// <summary>A session's Status as a row of the class view.</summary>
internal static class ClassRows
{
    /// <summary>The row of a session that no longer answers: as it last did, saying why.</summary>
    public static ClassRow From(string host, GoneSession gone)
    {
        ArgumentNullException.ThrowIfNull(gone);
        return From(host, gone.Last) with { Problem = gone.Why };
    }

    /// <summary>The row of <paramref name="status"/> on <paramref name="host"/> (empty: this one).</summary>
    public static ClassRow From(string host, SessionStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        LabStatus? lab = status.LabStatus;
        return new ClassRow(
            host,
            status.Owner,
            status.Name,
            status.Lab.Length == 0 ? null : status.Lab,
            lab?.Step ?? 0,
            lab?.Steps ?? 0,
            lab?.StepTitle ?? "",
            lab?.StepSince?.ToDateTimeOffset(),
            lab?.Hints ?? 0,
            lab?.WrongAnswers ?? 0,
            status.WorkersAlive,
            status.Workers,
            status.CpuPercent,
            status.LastEvent,
            status.LastEventAt?.ToDateTimeOffset());
    }
}
