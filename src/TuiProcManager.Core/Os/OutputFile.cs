using System.Runtime.InteropServices;

namespace TuiProcManager.Core.Os;

/// <summary>A file opened for writing by an <see cref="IOutputFileOpener"/>: its stream, and what it is.</summary>
/// <remarks>
/// Whoever writes the <see cref="Stream"/> closes it; disposing this closes it too (closing twice is harmless).
/// An <see cref="OutputFileKind.ExistingFile"/> is not truncated until <see cref="Truncate"/>, so that a
/// caller that cannot open a second file gives up (<see cref="Discard"/>) having changed nothing.
/// </remarks>
/// <param name="path">The path as the user gave it.</param>
/// <param name="stream">The stream to write: seekable only for a regular file opened here.</param>
/// <param name="kind">What the file is.</param>
/// <param name="identity">Its device and inode, to tell two paths naming one file.</param>
/// <param name="note">One line worth saying about it (an existing file other users can read), or null.</param>
/// <param name="handle">The descriptor under <paramref name="stream"/> (closed with it), for a process that writes the file in our place.</param>
public sealed class OutputFile(string path, Stream stream, OutputFileKind kind, FileIdentity identity, string? note, SafeHandle handle) : IDisposable
{
    /// <summary>The path as the user gave it.</summary>
    public string Path { get; } = path;

    /// <summary>Where to write.</summary>
    public Stream Stream { get; } = stream;

    /// <summary>
    /// The descriptor under <see cref="Stream"/>, to hand to a process that writes the file in our place (a
    /// session's server); it is open until the stream is closed.
    /// </summary>
    public SafeHandle Handle { get; } = handle;

    /// <summary>What the file is.</summary>
    public OutputFileKind Kind { get; } = kind;

    /// <summary>Its device and inode.</summary>
    public FileIdentity Identity { get; } = identity;

    /// <summary>
    /// One line worth telling the user, without the program's name, e.g. <c>note: out.jsonl can be read by
    /// other users (mode 0644); its mode was left as it was</c>; null when there is nothing to say.
    /// </summary>
    public string? Note { get; } = note;

    /// <summary>Empties an <see cref="OutputFileKind.ExistingFile"/>; nothing else is ever truncated.</summary>
    /// <exception cref="IOException">The file cannot be truncated.</exception>
    public void Truncate()
    {
        if (Kind == OutputFileKind.ExistingFile)
        {
            Stream.SetLength(0);
        }
    }

    /// <summary>Closes the file without having written it: a <see cref="OutputFileKind.NewFile"/> is removed again.</summary>
    public void Discard()
    {
        Dispose();
        if (Kind == OutputFileKind.NewFile)
        {
            File.Delete(Path);
        }
    }

    /// <inheritdoc />
    public void Dispose() => Stream.Dispose();
}
