namespace TuiProcManager.Worker;

/// <summary>
/// The records written on the results fd: <c>ok square 3 9</c>, or <c>err cube 3 MESSAGE</c> for an input
/// that could not be computed. The supervisor's <c>TuiProcManager.Core.Workers.ResultRecord</c> parses
/// them; the worker references nothing, so the format is written out here and pinned by the tests of
/// both sides.
/// </summary>
/// <remarks>
/// The input is written canonical, as the supervisor's spec parser makes it (no plus sign, no leading
/// zeros, <c>-0</c> as <c>0</c>), so that a record matches the spec that asked for it whatever was typed.
/// A record is one line: an error message never holds a line break.
/// </remarks>
internal static class ResultLine
{
    internal static string KindName(WorkerKind kind) => kind == WorkerKind.Square ? "square" : "cube";

    internal static string Ok(WorkerKind kind, string number, string result) =>
        $"ok {KindName(kind)} {Canonical(number)} {result}";

    internal static string Err(WorkerKind kind, string number, string message) =>
        $"err {KindName(kind)} {Canonical(number)} {message.ReplaceLineEndings(" ")}";

    /// <summary>Writes <paramref name="record"/> and its line end to <paramref name="fd"/>; nothing when fd is negative, and no error when the fd is bad.</summary>
    internal static void Write(int fd, string record)
    {
        if (fd >= 0)
        {
            NativeOutput.Write(fd, record + "\n");
        }
    }

    /// <summary><paramref name="number"/> (which passes <see cref="WorkerArguments.IsInteger"/>) without a plus sign or leading zeros.</summary>
    internal static string Canonical(string number)
    {
        bool negative = number[0] == '-';
        ReadOnlySpan<char> digits = (number[0] is '-' or '+' ? number.AsSpan(1) : number).TrimStart('0');
        return digits.IsEmpty ? "0" : (negative ? "-" : "") + digits.ToString();
    }
}
