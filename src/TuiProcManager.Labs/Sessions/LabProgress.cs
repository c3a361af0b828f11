using System.Collections.Immutable;

namespace TuiProcManager.Labs.Sessions;

/// <summary>A student's progress through one lab, saved between runs (<see cref="ProgressStore"/>) and reported.</summary>
public sealed record LabProgress
{
    /// <summary>The format this version writes.</summary>
    public const string CurrentFormat = "tuiproc-lab-progress/1";

    /// <summary>The file's format.</summary>
    public string Format { get; init; } = CurrentFormat;

    /// <summary>The lab's id.</summary>
    public required string Lab { get; init; }

    /// <summary>The lab's title when the progress was saved.</summary>
    public required string Title { get; init; }

    /// <summary>The lab file.</summary>
    public string? LabFile { get; init; }

    /// <summary>When the student first opened the lab.</summary>
    public DateTimeOffset StartedAt { get; init; }

    /// <summary>When the last step was done; null until then.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Time spent with the lab open, over every session, until it was finished.</summary>
    public double ActiveSeconds { get; init; }

    /// <summary>Each step's progress, by step id.</summary>
    public ImmutableDictionary<string, StepProgress> Steps { get; init; } = ImmutableDictionary<string, StepProgress>.Empty;
}
