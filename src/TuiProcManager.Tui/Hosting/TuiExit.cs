namespace TuiProcManager.Tui.Hosting;

/// <summary>How the UI ended.</summary>
/// <param name="Code">The exit code: 0 after q, 128 + N after signal N (130 after Ctrl+C).</param>
/// <param name="Detached">It detached (d, or a hang-up in a session): the session and its workers go on.</param>
public sealed record TuiExit(int Code, bool Detached);
