using System.Globalization;

namespace TuiProcManager.Labs.Format;

/// <summary>
/// A lab (or Explain) file that cannot be used: which file, where in it, and what is wrong, in one line
/// (<c>my-lab.json:14:9: steps[2].check.spawned: unknown field "knd" (expected kind, n, count)</c>).
/// </summary>
public sealed class LabFormatException : Exception
{
    /// <summary>A problem at <paramref name="line"/>:<paramref name="column"/> (from 1; 0 when the whole file is meant).</summary>
    public LabFormatException(string file, int line, int column, string problem)
        : base(Format(file, line, column, problem))
    {
        File = file;
        Line = line;
        Column = column;
        Problem = problem;
    }

    /// <summary>For serialization frameworks and analyzers; prefer the constructor with a position.</summary>
    public LabFormatException()
        : this("", 0, 0, "invalid lab file")
    {
    }

    /// <summary>For serialization frameworks and analyzers; prefer the constructor with a position.</summary>
    public LabFormatException(string message)
        : this("", 0, 0, message)
    {
    }

    /// <summary>For serialization frameworks and analyzers; prefer the constructor with a position.</summary>
    public LabFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = "";
        Problem = message;
    }

    /// <summary>The file as the user named it (or its path).</summary>
    public string File { get; }

    /// <summary>The line, from 1; 0 when the problem is the whole file (unreadable, too large).</summary>
    public int Line { get; }

    /// <summary>The column, from 1; 0 when unknown.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Problem { get; }

    private static string Format(string file, int line, int column, string problem) =>
        line <= 0 ? $"{file}: {problem}"
        : column <= 0 ? string.Create(CultureInfo.InvariantCulture, $"{file}:{line}: {problem}")
        : string.Create(CultureInfo.InvariantCulture, $"{file}:{line}:{column}: {problem}");
}
