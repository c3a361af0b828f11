using System.Buffers;
using System.Buffers.Binary;
using System.IO.Hashing;

namespace TuiProcManager.Sessions.Recording;

/// <summary>
/// Reads one segment's frames in order, each checked (its length within bounds and within the file, its
/// CRC), from an offset up to an end; says the first damage instead of going past it. Not thread-safe: each
/// reading has a cursor of its own.
/// </summary>
/// <remarks>
/// A length field is checked before anything is allocated for it: a huge one is damage, never memory. The
/// frame buffer is rented from the shared pool and the file read unbuffered but for frame headers, so that a
/// seek (three cursors) leaves no large arrays behind for the GC: its 256 KiB FileStream buffers and grown
/// frame buffers were large-object-heap garbage, freed only by full collections.
/// </remarks>
internal sealed class FrameCursor : IDisposable
{
    private readonly FileStream _file;
    private readonly long _end;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024); // grows (from the pool) to the longest frame met: up to about FrameTargetBytes
    private int _length;

    /// <summary>A cursor on <paramref name="path"/> from byte <paramref name="offset"/> up to <paramref name="end"/> (the file's length when null).</summary>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">Not allowed.</exception>
    public FrameCursor(string path, long offset, long? end = null)
    {
        _file = new FileStream(path, new FileStreamOptions
        {
            Mode = FileMode.Open,
            Access = FileAccess.Read,
            Share = FileShare.ReadWrite | FileShare.Delete,
            BufferSize = 4096, // frame headers; a payload longer than this is read straight into the frame buffer
        });
        _end = Math.Min(end ?? long.MaxValue, _file.Length);
        _file.Position = offset;
        Offset = offset;
    }

    /// <summary>Where the frame after the current one begins (after <see cref="Next"/>), or where the damage is.</summary>
    public long Offset { get; private set; }

    /// <summary>Where the current frame begins.</summary>
    public long FrameOffset { get; private set; }

    /// <summary>The current frame's kind.</summary>
    public FrameKind Kind { get; private set; }

    /// <summary>The current frame's payload (valid until the next call).</summary>
    public ReadOnlySpan<byte> Payload => _buffer.AsSpan(1, _length);

    /// <summary>The current frame's payload from byte <paramref name="skip"/> on, as an array's part (valid until the next call).</summary>
    public ArraySegment<byte> PayloadFrom(int skip) => new(_buffer, 1 + skip, _length - skip);

    /// <summary>What is wrong at <see cref="Offset"/>, once <see cref="Next"/> returned false on damage; null at a clean end.</summary>
    public string? Damage { get; private set; }

    /// <summary>Reads the next frame; false at the end, or at damage (<see cref="Damage"/>).</summary>
    /// <exception cref="IOException">A read failed.</exception>
    public bool Next()
    {
        long left = _end - Offset;
        if (left <= 0)
        {
            return false;
        }

        if (left < RecordingFormat.FrameHeaderBytes)
        {
            return Damaged(CutShort);
        }

        Span<byte> header = stackalloc byte[RecordingFormat.FrameHeaderBytes];
        _file.ReadExactly(header);
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(header);
        uint crc = BinaryPrimitives.ReadUInt32LittleEndian(header[4..]);
        if (length > RecordingFormat.MaxPayloadBytes)
        {
            return Damaged($"a frame's length says {length:N0} bytes, more than a frame ever holds ({RecordingFormat.MaxPayloadBytes:N0})");
        }

        if (length > left - RecordingFormat.FrameHeaderBytes)
        {
            return Damaged(CutShort);
        }

        if (_buffer.Length < length + 1)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent((int)length + 1);
        }

        // The kind byte and the payload together, as the CRC covers them.
        _buffer[0] = header[8];
        _file.ReadExactly(_buffer.AsSpan(1, (int)length));
        if (Crc32.HashToUInt32(_buffer.AsSpan(0, (int)length + 1)) != crc)
        {
            return Damaged("a frame's checksum does not match its bytes");
        }

        Kind = (FrameKind)header[8];
        _length = (int)length;
        FrameOffset = Offset;
        Offset += RecordingFormat.FrameHeaderBytes + length;
        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _file.Dispose();
        byte[] buffer = _buffer;
        _buffer = [];
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private const string CutShort = "its last frame is cut short (its writer was stopped, or is still writing)";

    private bool Damaged(string what)
    {
        Damage = what;
        return false;
    }
}
