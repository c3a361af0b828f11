namespace TuiProcManager.Sessions;

/// <summary>What <c>tuiproc session-server</c> is started with (<see cref="SessionStarter"/> writes its command line).</summary>
/// <param name="Name">The session's name.</param>
/// <param name="Linger">How long live workers run on with nobody attached; null: for ever.</param>
/// <param name="ReadyFd">Where to say ready (or why not); -1: nowhere.</param>
/// <param name="LabSource">The lab the session is for (a shipped lab's id, or a lab file's absolute path), or null.</param>
/// <param name="EventsFd">The events file to write (the server's fd 4); -1: none.</param>
/// <param name="EventsName">How messages name the events file.</param>
internal sealed record SessionServerStart(string Name, TimeSpan? Linger, int ReadyFd, string? LabSource, int EventsFd, string EventsName);
