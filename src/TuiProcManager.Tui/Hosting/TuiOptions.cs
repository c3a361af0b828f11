using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Hosting;

/// <summary>How to start the UI.</summary>
public sealed record TuiOptions
{
    /// <summary>Reads the files the UI is given to read (settings, themes, the Explain texts): regular files only, within a limit.</summary>
    public required IRegularFileReader Files { get; init; }

    /// <summary>tuiproc's themes folder (themes/ beside the app).</summary>
    public required string ThemesDirectory { get; init; }

    /// <summary>The theme to start with (already checked to exist), or null for the saved or default one.</summary>
    public string? Theme { get; init; }

    /// <summary>auto, true, 16 or none (see the README).</summary>
    public string Colors { get; init; } = "auto";

    /// <summary>Workers to start once the UI is up.</summary>
    public IReadOnlyList<WorkerSpec> InitialWorkers { get; init; } = [];

    /// <summary>The Explain panel's texts (<c>labs/explain.json</c> beside the app).</summary>
    public string ExplainTexts { get; init; } = Path.Combine(AppContext.BaseDirectory, "labs", "explain.json");

    /// <summary>
    /// Problems the app must tell while the UI runs (an events file that stopped being written: a full disk),
    /// each shown in the header as it comes; null for none. May be raised on any thread.
    /// </summary>
    public IObservable<string>? Problems { get; init; }

    /// <summary>A lab to open (<c>tuiproc lab N</c>); null for none.</summary>
    public LabOptions? Lab { get; init; }

    /// <summary>
    /// Raises signal N (2 for Ctrl+C, 1 for a terminal that hung up) as if it had come from outside, so that
    /// they take the signals' way out (and its watchdog); null: the UI stops by itself (tests). Must return
    /// at once; any thread.
    /// </summary>
    public Action<int>? RaiseSignal { get; init; }
}
