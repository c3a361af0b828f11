namespace TuiProcManager.Core.Os;

/// <summary>What an <see cref="OutputFile"/> turned out to be, which decides what may be done to it.</summary>
public enum OutputFileKind
{
    /// <summary>A regular file created now, mode 0600; removed again when the caller gives up.</summary>
    NewFile,

    /// <summary>A regular file that was there: its mode is left as it was; truncated once the caller commits.</summary>
    ExistingFile,

    /// <summary>A character device opened by its path (<c>/dev/null</c>, a terminal): written as a stream, never truncated.</summary>
    CharacterDevice,

    /// <summary>A FIFO opened by its path, with a reader: written as a stream, blocking (backpressure).</summary>
    Fifo,

    /// <summary>Our own standard output, shared (a duplicate of fd 1), so that what the shell redirected there is not clobbered.</summary>
    Stdout,

    /// <summary>Our own standard error, shared (a duplicate of fd 2).</summary>
    Stderr,
}
