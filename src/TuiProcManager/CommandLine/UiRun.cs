using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Hosting;

namespace TuiProcManager.CommandLine;

/// <summary>What the UI is run with, checked already: the same whether its supervisor is here or in a session.</summary>
/// <param name="Theme">The theme asked for (known), or null for the saved one.</param>
/// <param name="Colors">auto, true, 16 or none.</param>
/// <param name="Workers">Workers to start once the UI is up.</param>
/// <param name="Problems">Lines the UI must show while it runs (the session server's notices: its events file cannot be written), or null.</param>
/// <param name="Lab">The lab to open, or null.</param>
internal sealed record UiRun(string? Theme, string Colors, IReadOnlyList<WorkerSpec> Workers, IObservable<string>? Problems, LabOptions? Lab);
