using System.Globalization;

namespace TuiProcManager.Core.Pooling;

/// <summary>Identifies a pool within one supervisor: 1, 2, 3… in start order.</summary>
/// <param name="Value">The number.</param>
public readonly record struct PoolId(int Value)
{
    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}
