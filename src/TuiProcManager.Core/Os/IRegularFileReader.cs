namespace TuiProcManager.Core.Os;

/// <summary>
/// Reads, whole, a file tuiproc is given to read: settings, themes, lab progress, lab files, the Explain
/// texts. Only a regular file is read, and only up to a limit: a path that names a FIFO, a device
/// (<c>/dev/zero</c>), a directory or a socket, or a file larger than the limit, is refused with the reason,
/// and nothing is read from it (a FIFO never blocks, <c>/dev/zero</c> never fills memory).
/// </summary>
public interface IRegularFileReader
{
    /// <summary>The bytes of <paramref name="path"/> when it is a regular file of at most <paramref name="maxBytes"/> bytes.</summary>
    /// <param name="path">The path (a symlink is followed: what it points at must be a regular file).</param>
    /// <param name="maxBytes">The largest file accepted.</param>
    /// <param name="problem">
    /// When null is returned: why the file cannot be used, as words that follow the file's name and a colon
    /// (<c>a FIFO, not a regular file</c>, <c>larger than 64 KiB</c>, <c>not readable: permission denied</c>);
    /// or null when there is nothing at all at <paramref name="path"/> (a symlink to nothing is a problem).
    /// </param>
    /// <returns>The file's bytes, or null.</returns>
    byte[]? Read(string path, int maxBytes, out string? problem);
}
