namespace TuiProcManager.Headless;

/// <summary>Files only their owner may read: <c>--events</c> and <c>--results</c> (worker output may be private).</summary>
internal static class PrivateFile
{
    /// <summary>Read and write for the owner, nothing for anyone else (0600).</summary>
    public const UnixFileMode Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates or truncates <paramref name="path"/> for writing, mode 0600 whether it is new or not: the
    /// create mode only applies to a new file, so an existing one (say 0644) gets its mode set on the open
    /// handle, before a byte is written.
    /// </summary>
    /// <exception cref="IOException">It is a directory, or cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">Permission denied.</exception>
    public static FileStream OpenForWriting(string path, int bufferSize = 4096)
    {
        if (Directory.Exists(path))
        {
            throw new IOException("it is a directory");
        }

        FileStream file = new(path, new FileStreamOptions
        {
            Mode = FileMode.Create,
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
