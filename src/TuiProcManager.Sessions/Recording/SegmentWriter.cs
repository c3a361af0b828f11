using System.Buffers.Binary;
using System.IO.Hashing;
using Google.Protobuf;
using TuiProcManager.Protocol.Recording.V1;

namespace TuiProcManager.Sessions.Recording;

/// <summary>
/// One segment file being written: the preamble and header frame at creation, then frames, each whole in
/// one write to the stream (see <see cref="RecordingFormat"/>). Not thread-safe: the recorder's thread only.
/// </summary>
/// <remarks>
/// A frame reaches the file in one <see cref="Stream.Write(byte[], int, int)"/>, and the stream is flushed
/// after each batch: a writer killed (SIGKILL) leaves the file ending at most with one frame cut short,
/// which the reader reads up to. Nothing is fsync-ed: the page cache outlives the process.
/// </remarks>
internal sealed class SegmentWriter : IDisposable
{
    private const int KeptBufferBytes = 4 * 1024 * 1024; // a larger buffer (a frame with a huge line) is let go after it
    private readonly Stream _file;
    private byte[] _buffer = new byte[64 * 1024];

    private SegmentWriter(Stream file, string path, int number)
    {
        _file = file;
        Path = path;
        Number = number;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The segment's number, from 1.</summary>
    public int Number { get; }

    /// <summary>Bytes handed to the stream so far.</summary>
    public long Length { get; private set; }

    /// <summary>Creates segment <paramref name="header"/>.Segment in <paramref name="directory"/> and writes its preamble and header.</summary>
    /// <exception cref="IOException">It cannot be created or written.</exception>
    public static SegmentWriter Create(string directory, SegmentHeader header, Func<string, Stream> open)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(open);
        int number = (int)header.Segment;
        string path = System.IO.Path.Combine(directory, RecordingFormat.SegmentFileName(number));
        Stream file = open(path);
        SegmentWriter segment = new(file, path, number);
        try
        {
            Span<byte> preamble = stackalloc byte[RecordingFormat.SegmentPreambleBytes];
            RecordingFormat.Magic.CopyTo(preamble);
            BinaryPrimitives.WriteUInt32LittleEndian(preamble[RecordingFormat.Magic.Length..], RecordingFormat.Version);
            file.Write(preamble);
            segment.Length = preamble.Length;
            segment.Write(FrameKind.Header, [], header);
            return segment;
        }
        catch
        {
            segment.Dispose();
            throw;
        }
    }

    /// <summary>The default opener: a new file, owner-only (0600), never one that exists.</summary>
    public static Stream OpenFile(string path) => new FileStream(path, new FileStreamOptions
    {
        Mode = FileMode.CreateNew,
        Access = FileAccess.Write,
        Share = FileShare.Read | FileShare.Delete,
        UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
        BufferSize = 64 * 1024,
    });

    /// <summary>Writes one frame: <paramref name="prefix"/> (possibly empty), then <paramref name="message"/>.</summary>
    public void Write(FrameKind kind, ReadOnlySpan<byte> prefix, IMessage message)
    {
        int messageBytes = message.CalculateSize();
        int payload = prefix.Length + messageBytes;
        int total = RecordingFormat.FrameHeaderBytes + payload;
        if (_buffer.Length < total)
        {
            _buffer = new byte[Math.Max(total, 2 * _buffer.Length)];
        }

        Span<byte> frame = _buffer.AsSpan(0, total);
        frame[8] = (byte)kind;
        prefix.CopyTo(frame[RecordingFormat.FrameHeaderBytes..]);
        message.WriteTo(frame.Slice(RecordingFormat.FrameHeaderBytes + prefix.Length, messageBytes));
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)payload);
        BinaryPrimitives.WriteUInt32LittleEndian(frame[4..], Crc32.HashToUInt32(frame[8..]));
        _file.Write(_buffer, 0, total);
        Length += total;
        if (_buffer.Length > KeptBufferBytes)
        {
            _buffer = new byte[64 * 1024];
        }
    }

    /// <summary>Hands what the stream buffers to the file.</summary>
    public void Flush() => _file.Flush();

    /// <inheritdoc />
    public void Dispose() => _file.Dispose();
}
