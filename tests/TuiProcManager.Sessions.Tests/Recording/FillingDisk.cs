namespace TuiProcManager.Sessions.Tests.Recording;

/// <summary>
/// Segment files on a disk that fills: each opens as a real file, and every write past
/// <see cref="Capacity"/> bytes in all of them fails as write(2) does on a full disk (ENOSPC).
/// </summary>
internal sealed class FillingDisk(long capacity)
{
    private long _used;

    public long Capacity { get; } = capacity;

    public int Failures { get; private set; }

    public Stream Open(string path) => new Filling(File.Create(path), this);

    private sealed class Filling(FileStream file, FillingDisk disk) : Stream
    {
        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => file.Length;

        public override long Position { get => file.Position; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            long room = disk.Capacity - disk._used;
            if (buffer.Length > room)
            {
                file.Write(buffer[..(int)Math.Max(room, 0)]);
                disk._used = disk.Capacity;
                disk.Failures++;
                throw new IOException("No space left on device : '" + file.Name + "'", 28); // as .NET says ENOSPC on Linux
            }

            file.Write(buffer);
            disk._used += buffer.Length;
        }

        public override void Flush() => file.Flush();

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                file.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
