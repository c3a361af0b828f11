using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Hosting;

namespace TuiProcManager.CommandLine;

/// <summary>What the UI is run with, checked already: the same whether its supervisor is here or in a session.</summary>
/// <param name="Theme">The theme asked for (known), or null for the saved one.</param>
/// <param name="Colors">auto, true, 256, 16 or none.</param>
/// <param name="Workers">Workers to start once the UI is up.</param>
/// <param name="Problems">What the session's server says while the UI runs (its events file cannot be written, who watches), or null.</param>
/// <param name="Lab">The lab to open, or null.</param>
/// <param name="Guest">The UI is a guest in another user's session, or null.</param>
/// <param name="Replay">The UI replays a recording, or null.</param>
internal sealed record UiRun(string? Theme, string Colors, IReadOnlyList<WorkerSpec> Workers, IObservable<ServerNotice>? Problems, LabOptions? Lab, SessionGuest? Guest = null, IReplayControls? Replay = null)
{
    /// <summary>Leaving never stops anything: a guest's session is another user's, and a replay has nothing to stop.</summary>
    public bool LeavesAsIs => Guest is not null || Replay is not null;

    /// <summary><c>--no-mouse</c>: the terminal keeps the mouse.</summary>
    public bool NoMouse { get; init; }
}
