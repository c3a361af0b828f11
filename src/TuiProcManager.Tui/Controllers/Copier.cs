using TuiProcManager.Tui.Hosting;

namespace TuiProcManager.Tui.Controllers;

/// <summary>
/// A copy out of the output panel: to the clipboard through the terminal (<see cref="Osc52"/>) and, since no
/// terminal says whether it took that, always to a file of its own too (<see cref="CopyFiles"/>). UI thread
/// only: the sequence is written between two frames, never inside one.
/// </summary>
/// <param name="files">Where the copies are saved.</param>
/// <param name="writeToTerminal">Writes an escape sequence to the terminal, at once.</param>
internal sealed class Copier(CopyFiles files, Action<string> writeToTerminal)
{
    /// <summary>Copies lines to the clipboard and saves them in a file.</summary>
    /// <param name="lines">The text, joined by newlines for the clipboard with none after the last (a pasted
    /// command is not run at once); each ends with one in the file.</param>
    /// <param name="stem">The file's name before its time.</param>
    /// <param name="what">What was copied, for the message: "3 lines", "2,000 lines of 1 square".</param>
    /// <returns>The header's message, and whether it is an error (nothing could be copied).</returns>
    public (string Message, bool Error) Copy(IReadOnlyList<string> lines, string stem, string what)
    {
        ArgumentNullException.ThrowIfNull(lines);
        string? sequence = Osc52.Encode(string.Join('\n', lines));
        if (sequence is not null)
        {
            writeToTerminal(sequence);
        }

        string? path = files.Save(stem, lines, out string? problem);
        string clipboard = sequence is not null
            ? $"copied {what} (OSC 52)"
            : $"{what}: over the {Osc52.MaxBytes / 1000} KB a terminal is sent (OSC 52), not copied";
        return path is not null
            ? ($"{clipboard} · {(sequence is null ? "in" : "also in")} {path}", false)
            : ($"{clipboard} · {(sequence is null ? "and " : "")}not saved: {problem}", sequence is null);
    }
}
