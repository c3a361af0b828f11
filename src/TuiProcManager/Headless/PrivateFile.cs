namespace TuiProcManager.Headless;

/// <summary>Files only their owner may read: <c>--events</c> and <c>--results</c> (worker output may be private).</summary>
internal static class PrivateFile
{
    /// <summary>Read and write for the owner, nothing for anyone else (0600).</summary>
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Opens <paramref name="path"/> for writing, creating it if need be, mode 0600 whether it is new or
    /// not: the create mode only applies to a new file, so an existing one (say 0644) gets its mode set on
    /// the open handle, before a byte is written. The file is not truncated: the caller does that once
    /// every file it needs is open, so that a second file that cannot be opened loses nothing of the first.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="bufferSize">The stream's buffer.</param>
    /// <param name="created">True when the file did not exist before.</param>
    /// <exception cref="IOException">It is a directory, or cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    public static FileStream Open(string path, int bufferSize, out bool created)
    {
        if (Directory.Exists(path))
        {
            throw new IOException("it is a directory");
        }

        created = !Path.Exists(path);
        FileStream file = new(path, new FileStreamOptions
        {
            Mode = FileMode.OpenOrCreate,
            Access = FileAccess.Write,
            Share = FileShare.Read,
            BufferSize = bufferSize,
            UnixCreateMode = Mode,
        });
        try
        {
            File.SetUnixFileMode(file.SafeFileHandle, Mode);
            return file;
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }
}
