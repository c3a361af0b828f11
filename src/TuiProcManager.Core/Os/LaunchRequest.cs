using System.Collections.Immutable;

namespace TuiProcManager.Core.Os;

/// <summary>A program to start and its argument vector.</summary>
/// <param name="Program">A path, or a bare name searched on PATH.</param>
/// <param name="Arguments">The arguments after the program name (argv[1..]).</param>
public sealed record LaunchRequest(string Program, ImmutableArray<string> Arguments)
{
    /// <inheritdoc />
    public bool Equals(LaunchRequest? other) =>
        other is not null && Program == other.Program && Arguments.SequenceEqual(other.Arguments);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Program, Arguments.Length);
}
