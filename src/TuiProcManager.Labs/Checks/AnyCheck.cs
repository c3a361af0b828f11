namespace TuiProcManager.Labs.Checks;

/// <summary>One of the parts has held. The lab file's <c>any</c>.</summary>
public sealed class AnyCheck(IReadOnlyList<Check> parts) : Check
{
    /// <inheritdoc />
    public override string Kind => "any";

    /// <inheritdoc />
    public override IReadOnlyList<Check> Parts { get; } = parts;

    /// <inheritdoc />
    public override bool IsMet(LabWorld world, Func<Check, bool> held)
    {
        ArgumentNullException.ThrowIfNull(held);
        return Parts.Any(held);
    }

    /// <inheritdoc />
    public override string Describe() => string.Join("; or ", Parts.Select(p => p.Describe()));
}
