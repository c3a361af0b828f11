using System.Collections.Immutable;

namespace TuiProcManager.Core.Os;

/// <summary>A program to start and its argument vector.</summary>
/// <param name="Program">A path, or a bare name searched on PATH.</param>
/// <param name="Arguments">The arguments after the program name (argv[1..]).</param>
public sealed record LaunchRequest(string Program, ImmutableArray<string> Arguments)
{
    /// <summary>
    /// Stdin is a pipe the supervisor writes to (<see cref="IProcessHandle.WriteInput"/>) instead of
    /// /dev/null: how a pool worker takes its inputs.
    /// </summary>
    public bool WithInput { get; init; }

    /// <summary>
    /// Fd 3 is the write end of a results pipe, read as <see cref="OutputChannel.Results"/>: a channel that
    /// only the worker holds, so nothing it prints on stdout or stderr can pass for a result.
    /// </summary>
    public bool WithResults { get; init; }

    /// <inheritdoc />
    public bool Equals(LaunchRequest? other) =>
        other is not null && Program == other.Program && Arguments.SequenceEqual(other.Arguments)
        && WithInput == other.WithInput && WithResults == other.WithResults;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Program, Arguments.Length, WithInput, WithResults);
}
