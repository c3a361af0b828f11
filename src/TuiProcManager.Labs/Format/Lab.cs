using System.Collections.Immutable;

namespace TuiProcManager.Labs.Format;

/// <summary>A lab: numbered steps a student works through, each checked from the event stream or by a question.</summary>
/// <param name="Id">The short name it is opened with (<c>tuiproc lab 1</c>).</param>
/// <param name="Name">A second name it is opened with (<c>tuiproc lab lesson</c>).</param>
/// <param name="Title">The title shown above the steps.</param>
/// <param name="Summary">One line for the list of labs.</param>
/// <param name="Steps">The steps, in order.</param>
/// <param name="Source">The file it was read from (absolute).</param>
public sealed record Lab(string Id, string Name, string Title, string Summary, ImmutableArray<LabStep> Steps, string Source)
{
    /// <summary>The format this version reads and writes.</summary>
    public const string Format = "tuiproc-lab/1";

    /// <summary>
    /// Users and <c>@groups</c> who may watch the lab's sessions read-only from their start
    /// (<c>"shared_with"</c>): the student is asked first, and can take it back. Empty: shared with nobody.
    /// </summary>
    public ImmutableArray<string> SharedWith { get; init; } = [];
}
