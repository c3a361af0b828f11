namespace TuiProcManager.Sessions.Server;

/// <summary>What a session is, for <c>tuiproc ls</c> and the header.</summary>
/// <param name="Name">Its name (the socket's, in the session directory).</param>
/// <param name="StartedAt">When the server started.</param>
/// <param name="ServerPid">The server's process ID.</param>
public sealed record SessionInfo(string Name, DateTimeOffset StartedAt, int ServerPid);
