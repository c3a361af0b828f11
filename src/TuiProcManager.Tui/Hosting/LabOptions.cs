using TuiProcManager.Core.Os;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Sessions;

namespace TuiProcManager.Tui.Hosting;

/// <summary>A lab to open in the UI (<c>tuiproc lab N</c>): the lab, where its progress is kept, and where answers go.</summary>
public sealed record LabOptions
{
    /// <summary>The lab.</summary>
    public required Lab Lab { get; init; }

    /// <summary>Where its progress is saved.</summary>
    public required ProgressStore Store { get; init; }

    /// <summary>Its progress's name in <see cref="Store"/>.</summary>
    public required string ProgressKey { get; init; }

    /// <summary>Progress from an earlier session; null for a fresh start.</summary>
    public LabProgress? Saved { get; init; }

    /// <summary>A problem with the saved progress, said in the header (the lab then starts over).</summary>
    public string? Problem { get; init; }

    /// <summary>
    /// Where the lab is decided when not here: a session's server, which checks every event of the session
    /// and saves the progress. Null: the UI decides it from the events it is shown, and saves it.
    /// </summary>
    public ILabAuthority? Authority { get; init; }

    /// <summary>Answers and hints, for the <c>--events</c> file; null when there is none.</summary>
    public Action<LabRecord>? Record { get; init; }

    /// <summary>Opens the report E saves (a new file is created for the user only; see <see cref="IOutputFileOpener"/>).</summary>
    public required IOutputFileOpener Files { get; init; }

    /// <summary>Where E saves the report.</summary>
    public string ReportDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>Who the report says the student is.</summary>
    public string User { get; init; } = Environment.UserName;

    /// <summary>Which machine the report says it was.</summary>
    public string Machine { get; init; } = Environment.MachineName;
}
