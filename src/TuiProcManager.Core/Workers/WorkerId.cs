using System.Globalization;

namespace TuiProcManager.Core.Workers;

/// <summary>Identifies a worker for the life of its supervisor: 1, 2, 3… in spawn order, never reused.</summary>
/// <param name="Value">The number, starting at 1.</param>
public readonly record struct WorkerId(int Value) : IComparable<WorkerId>
{
    /// <inheritdoc />
    public int CompareTo(WorkerId other) => Value.CompareTo(other.Value);

    /// <inheritdoc />
    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Orders by spawn order.</summary>
    public static bool operator <(WorkerId left, WorkerId right) => left.Value < right.Value;

    /// <summary>Orders by spawn order.</summary>
    public static bool operator >(WorkerId left, WorkerId right) => left.Value > right.Value;

    /// <summary>Orders by spawn order.</summary>
    public static bool operator <=(WorkerId left, WorkerId right) => left.Value <= right.Value;

    /// <summary>Orders by spawn order.</summary>
    public static bool operator >=(WorkerId left, WorkerId right) => left.Value >= right.Value;
}
