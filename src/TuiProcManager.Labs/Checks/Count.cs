using System.Globalization;

namespace TuiProcManager.Labs.Checks;

/// <summary>A number of workers in a check: fixed, or "as many as the machine has cores".</summary>
/// <param name="Fixed">The number; null for the machine's cores.</param>
public readonly record struct Count(int? Fixed)
{
    /// <summary>One.</summary>
    public static Count One { get; } = new(1);

    /// <summary>As many as the cores.</summary>
    public static Count Cores { get; } = new((int?)null);

    /// <summary>The number, on <paramref name="world"/>'s machine.</summary>
    public int Resolve(LabWorld world) => Fixed ?? world.Cores;

    /// <summary>In words.</summary>
    public override string ToString() => Fixed is { } n ? n.ToString(CultureInfo.InvariantCulture) : "as many as there are cores";
}
