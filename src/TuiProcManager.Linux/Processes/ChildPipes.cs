using TuiProcManager.Core.Os;

namespace TuiProcManager.Linux.Processes;

/// <summary>
/// The pipes of one child being started: stdout and stderr always, stdin with
/// <see cref="LaunchRequest.WithInput"/>, the results pipe with <see cref="LaunchRequest.WithResults"/>.
/// </summary>
/// <remarks>
/// Every end is close-on-exec (<see cref="Pipes.Create"/>), so no other child inherits one; the child gets
/// its ends (<see cref="Child"/>) by dup2, from posix_spawn or the fork server. The caller must close them
/// in its own process right after the start (<see cref="CloseChildEnds"/>): a stray copy of a write end
/// would keep a pipe from ever reaching end of file, and a stray read end of stdin would keep a write
/// from ever failing with EPIPE. Our ends are non-blocking; the child's stay blocking, as programs
/// expect (the two ends of a pipe are separate open files, so their flags are separate too). Used by the
/// spawning thread only.
/// </remarks>
internal sealed class ChildPipes
{
    private int _stdinRead = -1, _stdinWrite = -1;
    private int _outRead = -1, _outWrite = -1;
    private int _errRead = -1, _errWrite = -1;
    private int _resultsRead = -1, _resultsWrite = -1;

    private ChildPipes()
    {
    }

    /// <summary>The ends the child gets.</summary>
    public ChildFds Child => new(_stdinRead, _outWrite, _errWrite, _resultsWrite);

    /// <summary>Our read ends, for the I/O loop.</summary>
    public IReadOnlyList<(int Fd, OutputChannel Channel)> OutputReadEnds =>
        _resultsRead >= 0
            ? [(_outRead, OutputChannel.Stdout), (_errRead, OutputChannel.Stderr), (_resultsRead, OutputChannel.Results)]
            : [(_outRead, OutputChannel.Stdout), (_errRead, OutputChannel.Stderr)];

    /// <summary>Creates the pipes <paramref name="request"/> asks for.</summary>
    /// <exception cref="LaunchException">Out of file descriptors; nothing is left open.</exception>
    public static ChildPipes Create(LaunchRequest request)
    {
        ChildPipes pipes = new();
        try
        {
            (pipes._outRead, pipes._outWrite) = Pipes.Create();
            (pipes._errRead, pipes._errWrite) = Pipes.Create();
            Pipes.SetNonBlocking(pipes._outRead);
            Pipes.SetNonBlocking(pipes._errRead);
            if (request.WithInput)
            {
                // Default size (64 KiB) on purpose: the supervisor keeps what does not fit and writes it as
                // the worker reads, and a larger pipe counts against the user's pipe-user-pages-soft, past
                // which every new pipe (stdout and stderr too) is cut to two pages.
                (pipes._stdinRead, pipes._stdinWrite) = Pipes.Create();
                Pipes.SetNonBlocking(pipes._stdinWrite);
            }

            if (request.WithResults)
            {
                (pipes._resultsRead, pipes._resultsWrite) = Pipes.Create();
                Pipes.SetNonBlocking(pipes._resultsRead);
            }

            return pipes;
        }
        catch
        {
            pipes.CloseChildEnds();
            pipes.CloseOurEnds();
            throw;
        }
    }

    /// <summary>Hands our end of stdin over (to the process handle); -1 when there is none.</summary>
    public int TakeInput()
    {
        int fd = _stdinWrite;
        _stdinWrite = -1;
        return fd;
    }

    /// <summary>Closes the child's ends in our process. Idempotent.</summary>
    public void CloseChildEnds()
    {
        Pipes.Close(_stdinRead, _outWrite, _errWrite, _resultsWrite);
        _stdinRead = _outWrite = _errWrite = _resultsWrite = -1;
    }

    /// <summary>Closes our ends not yet handed over: the start failed. Idempotent.</summary>
    public void CloseOurEnds()
    {
        Pipes.Close(_stdinWrite, _outRead, _errRead, _resultsRead);
        _stdinWrite = _outRead = _errRead = _resultsRead = -1;
    }
}
