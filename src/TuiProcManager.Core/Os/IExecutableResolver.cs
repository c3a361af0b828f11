using System.Diagnostics.CodeAnalysis;

namespace TuiProcManager.Core.Os;

/// <summary>Finds the program a command names, the way exec would, so bad input is refused before anything starts.</summary>
public interface IExecutableResolver
{
    /// <summary>Resolves <paramref name="program"/>: a name with '/' as a path, otherwise searched on PATH.</summary>
    /// <param name="program">The program as typed.</param>
    /// <param name="path">The executable found.</param>
    /// <param name="error">One line naming the problem, when there is none.</param>
    bool TryResolve(string program, [NotNullWhen(true)] out string? path, [NotNullWhen(false)] out string? error);
}
