using System.Diagnostics.CodeAnalysis;
using TuiProcManager.Core.Os;

namespace TuiProcManager.Linux.Processes;

/// <summary>Finds programs on PATH or by path, as exec would (<see cref="IExecutableResolver"/>).</summary>
public sealed class ExecutableResolver : IExecutableResolver
{
    /// <summary>The shared instance (it holds no state).</summary>
    public static ExecutableResolver Instance { get; } = new();

    /// <inheritdoc />
    public bool TryResolve(string program, [NotNullWhen(true)] out string? path, [NotNullWhen(false)] out string? error) =>
        Resolve(program, out path, out error);

    private static bool Resolve(string program, [NotNullWhen(true)] out string? path, [NotNullWhen(false)] out string? error)
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
