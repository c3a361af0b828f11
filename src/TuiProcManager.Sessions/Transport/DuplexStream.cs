namespace TuiProcManager.Sessions.Transport;

/// <summary>
/// One stream made of two one-way streams: reads come from <paramref name="readFrom"/>, writes go to
/// <paramref name="writeTo"/>, e.g. a child's stdout and stdin. Disposing it disposes both, which the far
/// end of <paramref name="writeTo"/> reads as end of input.
/// </summary>
/// <param name="readFrom">Where reads come from.</param>
/// <param name="writeTo">Where writes go.</param>
public sealed class DuplexStream(Stream readFrom, Stream writeTo) : Stream
{
    /// <inheritdoc />
    public override bool CanRead => readFrom.CanRead;

    /// <inheritdoc />
    public override bool CanWrite => writeTo.CanWrite;

    /// <inheritdoc />
    public override bool CanSeek => false;

    /// <inheritdoc />
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc />
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => readFrom.Read(buffer, offset, count);

    /// <inheritdoc />
    public override int Read(Span<byte> buffer) => readFrom.Read(buffer);

    /// <inheritdoc />
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        readFrom.ReadAsync(buffer, offset, count, cancellationToken);

    /// <inheritdoc />
    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        readFrom.ReadAsync(buffer, cancellationToken);

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => writeTo.Write(buffer, offset, count);

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer) => writeTo.Write(buffer);

    /// <inheritdoc />
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        writeTo.WriteAsync(buffer, offset, count, cancellationToken);

    /// <inheritdoc />
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        writeTo.WriteAsync(buffer, cancellationToken);

    /// <inheritdoc />
    public override void Flush() => writeTo.Flush();

    /// <inheritdoc />
    public override Task FlushAsync(CancellationToken cancellationToken) => writeTo.FlushAsync(cancellationToken);

    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            // The writing side first: the far end learns at once that no more input comes.
            writeTo.Dispose();
            readFrom.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await writeTo.DisposeAsync().ConfigureAwait(false);
        await readFrom.DisposeAsync().ConfigureAwait(false);
        await base.DisposeAsync().ConfigureAwait(false);
    }
}
