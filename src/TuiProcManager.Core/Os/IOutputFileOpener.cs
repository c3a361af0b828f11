using System.Diagnostics.CodeAnalysis;

namespace TuiProcManager.Core.Os;

/// <summary>
/// Opens a file the user named for tuiproc to write (<c>--events</c>, <c>--results</c>, a lab report) the
/// way a shell's <c>&gt;</c> would, without its surprises: nothing but a file created now has its mode
/// set, a device or a FIFO is written as a stream, a FIFO nobody reads is refused instead of waited on
/// for ever, and our own stdout or stderr is shared, not opened again.
/// </summary>
public interface IOutputFileOpener
{
    /// <summary>
    /// Opens <paramref name="path"/> for writing. Nothing is truncated yet (see <see cref="OutputFile.Truncate"/>):
    /// a caller that needs several files opens them all first.
    /// </summary>
    /// <param name="path">The path as the user gave it.</param>
    /// <param name="bufferSize">The buffer of the stream returned.</param>
    /// <param name="file">The file, open.</param>
    /// <param name="problem">Why it cannot be written, as the end of one line (<c>it is a directory</c>), when it cannot.</param>
    bool TryOpen(string path, int bufferSize, [NotNullWhen(true)] out OutputFile? file, [NotNullWhen(false)] out string? problem);
}
