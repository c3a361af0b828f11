using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using TuiProcManager.Core.Text;

namespace TuiProcManager.Core.Workers;

/// <summary>
/// What Linux accepts as a program's arguments, checked before anything starts: a command that exec would
/// refuse (E2BIG) is a usage error with a message naming the argument, not a worker that fails to start.
/// </summary>
/// <remarks>
/// Linux refuses a single argument of <c>MAX_ARG_STRLEN</c> (32 pages, 128 KiB) bytes or more, its
/// terminating NUL included, and all arguments and the environment together beyond <c>ARG_MAX</c> (a
/// quarter of the stack limit: 2 MiB with the usual 8 MiB). Half of that is left to the environment. An
/// argument cannot hold a NUL character at all: exec would silently cut it there.
/// </remarks>
public static class ArgumentLimits
{
    /// <summary>Most bytes (UTF-8) of one argument: 128 KiB less its terminating NUL.</summary>
    public const int MaxArgumentBytes = 128 * 1024 - 1;

    /// <summary>Most bytes (UTF-8, each argument's NUL included) of all the arguments of one program.</summary>
    public const int MaxTotalBytes = 1024 * 1024;

    /// <summary>
    /// Checks one program's argument vector; <paramref name="error"/> names the first argument that does
    /// not fit (as <c>argument N ('start of it...')</c>, prefixed with <paramref name="what"/>) and the limit.
    /// </summary>
    /// <param name="argv">The arguments, the program first.</param>
    /// <param name="what">How the message names them, e.g. "the command".</param>
    /// <param name="error">One line naming the problem.</param>
    public static bool TryCheck(IReadOnlyList<string> argv, string what, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(argv);
        ArgumentNullException.ThrowIfNull(what);
        long total = 0;
        for (int i = 0; i < argv.Count; i++)
        {
            if (!TryCheckOne(argv[i], $"argument {i + 1} of {what}", out error))
            {
                return false;
            }

            total += Encoding.UTF8.GetByteCount(argv[i]) + 1;
        }

        if (total > MaxTotalBytes)
        {
            error = $"the arguments of {what} add up to {Bytes(total)} bytes; at most {Bytes(MaxTotalBytes)} are accepted (Linux's ARG_MAX, shared with the environment)";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Checks one argument; <paramref name="name"/> is how the message calls it (e.g. "the value of --cmd").</summary>
    public static bool TryCheckOne(string argument, string name, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(argument);
        ArgumentNullException.ThrowIfNull(name);

        long bytes = Encoding.UTF8.GetByteCount(argument);
        if (bytes > MaxArgumentBytes)
        {
            error = $"{name} ('{InputText.Shorten(argument)}') is {Bytes(bytes)} bytes; at most {Bytes(MaxArgumentBytes)} are accepted (Linux's limit for one argument, MAX_ARG_STRLEN)";
            return false;
        }

        if (argument.Contains('\0', StringComparison.Ordinal))
        {
            error = $"{name} ('{InputText.Shorten(argument)}') contains a NUL character, which no program argument can hold";
            return false;
        }

        error = null;
        return true;
    }

    private static string Bytes(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
