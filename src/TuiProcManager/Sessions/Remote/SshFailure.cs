using System.Globalization;
using TuiProcManager.CommandLine;
using TuiProcManager.Core.Text;

namespace TuiProcManager.Sessions.Remote;

/// <summary>
/// The one line for an ssh that ended before (or instead of) a session answered, from its exit code and the
/// last line it wrote on stderr: ssh's own failures (255), the remote shell's (127: no tuiproc there), the
/// remote tuiproc's (2: it does not know the command; 3: no such session there).
/// </summary>
internal static class SshFailure
{
    /// <summary>ssh's exit code for its own errors (unknown host, refused, authentication, a dropped connection).</summary>
    public const int SshError = 255;

    /// <summary>A shell's exit code for a command it did not find.</summary>
    public const int CommandNotFound = 127;

    /// <summary>The longest part of ssh's words kept in the line.</summary>
    private const int MaxSaid = 300;

    /// <summary>The line (without the "tuiproc: " prefix) for an ssh to <paramref name="host"/> that failed to connect.</summary>
    /// <param name="host">The host as the user typed it.</param>
    /// <param name="exitCode">ssh's exit code (128 + N when a signal N ended it).</param>
    /// <param name="lastLine">The last line ssh (or the remote command) wrote on stderr, if any.</param>
    public static string WhileConnecting(string host, int exitCode, string? lastLine)
    {
        string said = Said(lastLine, exitCode);
        return exitCode switch
        {
            0 => $"cannot reach {host} through ssh: 'tuiproc bridge' ended there without answering" + (string.IsNullOrWhiteSpace(lastLine) ? "" : $" ({said})"),
            CommandNotFound => $"cannot reach {host} through ssh: {said} (tuiproc must be on the PATH that {host}'s shell gives commands run by ssh)",
            ExitCodes.Usage => $"the tuiproc on {host} does not know 'tuiproc bridge' ({said}): use the same tuiproc version on both sides",
            ExitCodes.NoSession => $"on {host}: {said}",
            _ => $"cannot reach {host} through ssh: {said}",
        };
    }

    /// <summary>The line for a link that was up and broke: ssh failed (or the remote bridge did), not the session.</summary>
    public static string AfterConnecting(string host, int exitCode, string? lastLine) =>
        $"the ssh link to {host} dropped: {Said(lastLine, exitCode)}";

    /// <summary>What ssh said, cleaned for one line of a terminal, or its exit code when it said nothing.</summary>
    private static string Said(string? lastLine, int exitCode)
    {
        string line = (lastLine ?? "").Trim();
        if (line.StartsWith("tuiproc: ", StringComparison.Ordinal))
        {
            line = line["tuiproc: ".Length..]; // the remote tuiproc's own line: it is ours to prefix
        }

        return line.Length > 0
            ? InputText.Shorten(line.TrimEnd('.'), MaxSaid)
            : "ssh ended with exit code " + exitCode.ToString(CultureInfo.InvariantCulture);
    }
}
