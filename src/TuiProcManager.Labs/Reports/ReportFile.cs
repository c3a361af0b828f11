using TuiProcManager.Core.Os;

namespace TuiProcManager.Labs.Reports;

/// <summary>
/// Writes a report to a path the user chose, replacing an earlier one, by the rules of
/// <see cref="IOutputFileOpener"/>: a new file is created for the user only (0600), an existing one keeps
/// its mode, a device or a FIFO is written as a stream (never truncated, never chmod-ed), a FIFO nobody
/// reads is refused after a bounded wait.
/// </summary>
public static class ReportFile
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>; returns a one-line problem, or null.</summary>
    /// <param name="files">Opens the path.</param>
    /// <param name="path">Where the report goes.</param>
    /// <param name="text">The report.</param>
    /// <param name="note">Once written, one line worth saying about the file (<c>note: … is readable by other users …</c>), or null.</param>
    public static string? Write(IOutputFileOpener files, string path, string text, out string? note)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        note = null;
        if (!files.TryOpen(path, 4096, out OutputFile? file, out string? problem))
        {
            return $"cannot write the report to {path}: {problem}";
        }

        try
        {
            file.Truncate();
            using (StreamWriter writer = new(file.Stream))
            {
                writer.Write(text);
            }

            note = file.Note;
            return null;
        }
        catch (IOException e)
        {
            return $"cannot write the report to {path}: {e.Message.ReplaceLineEndings(" ")}";
        }
        finally
        {
            Close(file);
        }
    }

    /// <summary>Closes what a failed write left open; the failure was said already.</summary>
    private static void Close(OutputFile file)
    {
        try
        {
            file.Dispose();
        }
        catch (IOException)
        {
            // The buffered rest could not be written: the problem returned says so.
        }
    }
}
