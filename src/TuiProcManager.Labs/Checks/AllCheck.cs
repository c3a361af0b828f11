namespace TuiProcManager.Labs.Checks;

/// <summary>Every part has held, each at some moment (not necessarily the same one). The lab file's <c>all</c>.</summary>
public sealed class AllCheck(IReadOnlyList<Check> parts) : Check
{
    /// <inheritdoc />
    public override string Kind => "all";

    /// <inheritdoc />
    public override IReadOnlyList<Check> Parts { get; } = parts;

    /// <inheritdoc />
    public override bool IsMet(LabWorld world, Func<Check, bool> held)
    {
        ArgumentNullException.ThrowIfNull(held);
        return Parts.All(held);
    }

    /// <inheritdoc />
    public override string Describe() => string.Join("; and ", Parts.Select(p => p.Describe()));
}
