namespace TuiProcManager.Labs.Checks;

/// <summary>
/// A pool worker died with an input in hand and was replaced (the input failed, the pool went on); with
/// <see cref="ByUser"/>, only one the user killed or terminated counts. The lab file's <c>poolWorkerLost</c>.
/// </summary>
public sealed class PoolWorkerLostCheck(bool byUser) : Check
{
    /// <summary>Only a worker the user ended counts.</summary>
    public bool ByUser { get; } = byUser;

    /// <inheritdoc />
    public override string Kind => "poolWorkerLost";

    /// <inheritdoc />
    public override bool IsMet(LabWorld world, Func<Check, bool> held)
    {
        ArgumentNullException.ThrowIfNull(world);
        return world.Pools.Values.Any(p => p.Losses.Any(byUser => byUser || !ByUser));
    }

    /// <inheritdoc />
    public override string Describe() => ByUser
        ? "a pool worker you killed mid-input was replaced"
        : "a pool worker died mid-input and was replaced";
}
