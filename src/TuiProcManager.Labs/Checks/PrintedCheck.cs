namespace TuiProcManager.Labs.Checks;

/// <summary>A worker matching <see cref="Filter"/> printed the line <see cref="Text"/> (trimmed, exact). The lab file's <c>printed</c>.</summary>
public sealed class PrintedCheck(WorkerFilter filter, string text) : Check
{
    /// <summary>Which workers.</summary>
    public WorkerFilter Filter { get; } = filter;

    /// <summary>The line.</summary>
    public string Text { get; } = text.Trim();

    /// <inheritdoc />
    public override string Kind => "printed";

    /// <inheritdoc />
    public override bool IsMet(LabWorld world, Func<Check, bool> held)
    {
        ArgumentNullException.ThrowIfNull(world);
        return world.Workers.Values.Any(w => Filter.Matches(w) && w.Lines.Contains(Text));
    }

    /// <inheritdoc />
    public override string Describe() => $"{Filter.Describe()} printed \"{Text}\"";
}
