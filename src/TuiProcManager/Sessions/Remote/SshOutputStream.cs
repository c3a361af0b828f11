using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions.Remote;

/// <summary>
/// ssh's stdout, read by a session channel: its end of file becomes a <see cref="LinkDroppedException"/>
/// saying why when ssh failed (so that a caller or the UI says "the ssh link to HOST dropped: …", not "the
/// session server went away"), and disposing it ends the link.
/// </summary>
internal sealed class SshOutputStream(Stream output, SshLink link) : Stream
{
    /// <inheritdoc />
    public override bool CanRead => true;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override bool CanWrite => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc />
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read = await output.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
        if (read > 0 || buffer.Length == 0)
        {
            return read;
        }

        link.OutputEnded();
        return await link.FailureAsync().ConfigureAwait(false) is { } why ? throw new LinkDroppedException(why) : 0;
    }

    /// <inheritdoc />
    public override void Flush()
    {
    }

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            link.Dispose(); // closes this pipe too
        }

        base.Dispose(disposing);
    }
}
