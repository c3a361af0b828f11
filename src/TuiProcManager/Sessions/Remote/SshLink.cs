using System.ComponentModel;
using System.Diagnostics;
using TuiProcManager.Core.Text;
using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions.Remote;

/// <summary>
/// ssh running <c>tuiproc bridge …</c> (or another tuiproc command) on another host, as a child of this
/// process: its stdin and stdout carry the session's connection (<see cref="Stream"/>), its stderr is read
/// here, and its end says why a connection failed or dropped.
/// </summary>
/// <remarks>
/// <para>
/// Prompts work before the UI starts: ssh asks for a password or a host key on /dev/tty, not on stderr,
/// and it stays in this process group with this terminal. All three of its standard streams are pipes:
/// the runtime then leaves the terminal's settings alone (it changes them for a child that shares the
/// terminal, which would fight the UI's raw mode).
/// </para>
/// <para>
/// What ssh writes on stderr while connecting is held: replayed on our stderr once the session has answered
/// (<see cref="Connected"/>), or reduced to its last line when it did not. Once connected nothing of it
/// reaches the terminal, which the UI owns; its last line is kept for the line that says why the link
/// dropped. A line written while connecting may be read only after <see cref="Connected"/> (two pipes,
/// no order between them): it is then kept, not replayed.
/// </para>
/// <para>
/// Nothing outlives the client. ssh ends when its stdin reaches end of file: it passes the end on, the
/// remote bridge shuts its socket's sending side, the server closes the connection, the bridge exits and
/// sshd closes the channel. The kernel closes the pipe when this process dies in any way, SIGKILL
/// included, and writing to our closed stdout fails for ssh too. <see cref="Dispose"/> closes both pipes and
/// waits <see cref="EndGrace"/> for that; an ssh still running then (a link that went silent) is killed,
/// and so is one left running when the process exits.
/// </para>
/// </remarks>
internal sealed class SshLink : IDisposable
{
    /// <summary>How long ssh gets to end by itself once its stdin is closed, before it is killed.</summary>
    public static readonly TimeSpan EndGrace = TimeSpan.FromSeconds(2);

    /// <summary>How long an ended connection waits for ssh's exit code and last words.</summary>
    public static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(5);

    private const int MaxHeldLines = 50;

    private readonly Process _ssh;
    private readonly Lock _lock = new();
    private readonly Queue<string> _held = new();
    private readonly Task _stderrRead;
    private string? _lastLine;
    private bool _connected;
    private bool _outputEndedFirst;
    private int _disposed;
    private volatile bool _killed;

    private SshLink(Process ssh, string host)
    {
        _ssh = ssh;
        Host = host;
        _stderrRead = ReadStderrAsync();
        Stream = new DuplexStream(new SshOutputStream(ssh.StandardOutput.BaseStream, this), ssh.StandardInput.BaseStream);
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    /// <summary>The host, as the user named it.</summary>
    public string Host { get; }

    /// <summary>ssh's stdout and stdin as one stream; disposing it ends the link (<see cref="Dispose"/>).</summary>
    public Stream Stream { get; }

    /// <summary>Starts <c>ssh … HOST tuiproc <paramref name="remoteArguments"/></c>.</summary>
    /// <exception cref="SessionException">The ssh program cannot be started (one line).</exception>
    public static SshLink Start(SshCommand command, string host, IReadOnlyList<string> remoteArguments)
    {
        ArgumentNullException.ThrowIfNull(command);
        ProcessStartInfo start = new(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in command.Arguments(host, remoteArguments))
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return new SshLink(Process.Start(start) ?? throw new SessionException($"cannot run {command.FileName} to reach {host}"), host);
        }
        catch (Win32Exception e)
        {
            string why = e.NativeErrorCode switch
            {
                2 => "it is not on the PATH", // ENOENT
                13 => "permission denied", // EACCES
                _ => e.Message,
            };
            throw new SessionException($"cannot run '{InputText.Shorten(command.FileName)}' to reach {host}: {why} ({SshCommand.Variable} chooses the ssh command)", e);
        }
    }

    /// <summary>The session answered: what ssh said meanwhile goes to <paramref name="stderr"/>, and from now on nowhere.</summary>
    public void Connected(TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(stderr);
        string[] said;
        lock (_lock)
        {
            _connected = true;
            said = [.. _held];
            _held.Clear();
        }

        foreach (string line in said)
        {
            stderr.WriteLine(TerminalText.Sanitize(line));
        }
    }

    /// <summary>
    /// Why the link ended, once ssh has ended (waited for up to <see cref="ExitWait"/>): the one line for an
    /// ssh that failed or a remote command that did, or null when it ended well (the far side closed), was
    /// killed here, or is still running.
    /// </summary>
    public async Task<string?> FailureAsync()
    {
        try
        {
            await _ssh.WaitForExitAsync().WaitAsync(ExitWait).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return null;
        }

        try
        {
            // Its last line: the end of stderr follows the exit, unless a child of ssh (a ProxyCommand)
            // still holds the pipe; then the last line read so far is the one said.
            await _stderrRead.WaitAsync(EndGrace).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        int code = _ssh.ExitCode;
        lock (_lock)
        {
            // Exit code 0: the far side closed the connection (the session ended, its server went away: the
            // protocol says which), or this side did; but before the session answered it is a failure too
            // (the remote command was not tuiproc's bridge).
            return _killed || (code == 0 && (_connected || !_outputEndedFirst)) ? null
                : _connected ? SshFailure.AfterConnecting(Host, code, _lastLine)
                : SshFailure.WhileConnecting(Host, code, _lastLine);
        }
    }

    /// <summary>
    /// Everything ssh writes on stdout until it ends, for a remote command that answers and exits
    /// (<c>bridge --list</c>); not for a link that carries the protocol, whose end is not an answer.
    /// </summary>
    /// <exception cref="SessionException">ssh or the remote command failed (one line).</exception>
    public async Task<byte[]> ReadToEndAsync()
    {
        using MemoryStream answer = new();
        await _ssh.StandardOutput.BaseStream.CopyToAsync(answer).ConfigureAwait(false);
        return await FailureAsync().ConfigureAwait(false) is { } why ? throw new SessionException(why) : answer.ToArray();
    }

    /// <summary>ssh's stdout reached its end: by ssh's doing when the link was not closed here first.</summary>
    public void OutputEnded()
    {
        lock (_lock)
        {
            _outputEndedFirst |= Volatile.Read(ref _disposed) == 0;
        }
    }

    /// <summary>Closes ssh's stdin and stdout, waits <see cref="EndGrace"/> for it to end, then kills it.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        ClosePipe(_ssh.StandardInput.BaseStream); // first: end of input, which ssh passes on
        ClosePipe(_ssh.StandardOutput.BaseStream);
        try
        {
            if (!_ssh.WaitForExit(EndGrace))
            {
                Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to end.
        }

        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
    }

    private static void ClosePipe(Stream pipe)
    {
        try
        {
            pipe.Dispose();
        }
        catch (IOException)
        {
            // A write still buffered failed: ssh is gone already.
        }
    }

    private void KillOnExit(object? sender, EventArgs e) => Kill();

    private void Kill()
    {
        try
        {
            if (!_ssh.HasExited)
            {
                _killed = true;
                _ssh.Kill();
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception)
        {
            // It ended meanwhile.
        }
    }

    private async Task ReadStderrAsync()
    {
        try
        {
            while (await _ssh.StandardError.ReadLineAsync().ConfigureAwait(false) is { } line)
            {
                if (line.Trim().Length == 0)
                {
                    continue;
                }

                lock (_lock)
                {
                    _lastLine = line;
                    if (!_connected)
                    {
                        if (_held.Count == MaxHeldLines)
                        {
                            _ = _held.Dequeue();
                        }

                        _held.Enqueue(line);
                    }
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            // ssh's stderr closed under the read: its end is known from its exit.
        }
    }
}
