using TuiProcManager.Labs.Sessions;

namespace TuiProcManager.Sessions.Server;

/// <summary>A session's lab: the keeper that decides it, and how a client finds the lab again.</summary>
/// <param name="Keeper">Fed every event of the session by the server (not by the service).</param>
/// <param name="Source">A shipped lab's id, or a lab file's absolute path (<c>LabInfo.source</c>).</param>
public sealed record SessionLab(LabKeeper Keeper, string Source);
