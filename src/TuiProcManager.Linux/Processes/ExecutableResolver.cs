using System.Diagnostics.CodeAnalysis;

namespace TuiProcManager.Linux.Processes;

/// <summary>Finds the program a command names, the way exec would, so bad input is refused before anything starts.</summary>
public static class ExecutableResolver
{
    /// <summary>
    /// Resolves <paramref name="program"/>: a name with '/' as a path, otherwise searched on PATH.
    /// </summary>
    /// <param name="program">The program as typed.</param>
    /// <param name="path">The executable found.</param>
    /// <param name="error">One line naming the problem, when there is none.</param>
    public static bool TryResolve(string program, [NotNullWhen(true)] out string? path, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(program);
        path = null;
        if (program.Contains('/', StringComparison.Ordinal))
        {
            if (IsExecutableFile(program))
            {
                (path, error) = (program, null);
                return true;
            }

            error = Directory.Exists(program) ? $"{program} is a directory, not a program"
                : File.Exists(program) ? $"{program} is not executable (chmod +x, or run it through its interpreter, e.g. python3 {program})"
                : $"{program}: no such file";
            return false;
        }

        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin").Split(':'))
        {
            string candidate = Path.Combine(dir.Length == 0 ? "." : dir, program);
            if (IsExecutableFile(candidate))
            {
                (path, error) = (candidate, null);
                return true;
            }
        }

        error = $"command not found: {program} (not on PATH)";
        return false;
    }

    private static bool IsExecutableFile(string path)
    {
        try
        {
            return File.Exists(path) &&
                   (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
