using System.Text;

namespace TuiProcManager.Worker;

/// <summary>Splits a byte stream (the pool's stdin) into lines, with a bounded buffer.</summary>
/// <remarks>
/// Lines end at '\n' (a '\r' before it is dropped) and may arrive in any pieces: split anywhere, several
/// in one read. A line longer than <see cref="MaxLineBytes"/> is skipped whole and reported as
/// <see cref="Status.TooLong"/>; memory stays at one buffer whatever comes in. Nothing here is
/// finalizable and nothing starts a thread, so a forked worker may use it (see ForkServerMode.cs).
/// </remarks>
internal sealed class LineReader
{
    /// <summary>
    /// Longest line accepted, without its line end: <c>square</c>, a space and N of
    /// <see cref="WorkerArguments.MaxDigits"/> digits with a sign (120,008 bytes), with room to spare.
    /// </summary>
    internal const int MaxLineBytes = 128 * 1024;

    private readonly ReadBytes _read;
    private readonly byte[] _buffer = new byte[MaxLineBytes + 1]; // a longest line and its '\n'
    private int _start; // first byte of the current line
    private int _scanned; // bytes before this, from _start, hold no '\n'
    private int _end;
    private bool _skipping; // inside a line found too long; its bytes are dropped up to its '\n'

    internal LineReader(ReadBytes read) => _read = read;

    /// <summary>The errno the source failed with, after <see cref="Status.Error"/>.</summary>
    internal int Errno { get; private set; }

    /// <summary>
    /// Reads into <paramref name="buffer"/>: bytes read, 0 at end of file, or -errno on an error (EINTR and
    /// other errors worth retrying are the source's business).
    /// </summary>
    internal delegate int ReadBytes(Span<byte> buffer);

    internal enum Status
    {
        /// <summary>A line, in the out parameter.</summary>
        Line,

        /// <summary>A line longer than <see cref="MaxLineBytes"/>, skipped.</summary>
        TooLong,

        /// <summary>End of file, after the last line (a last line without '\n' counts).</summary>
        EndOfFile,

        /// <summary>The source failed; nothing more will be read.</summary>
        Error,
    }

    internal Status ReadLine(out string line)
    {
        line = "";
        while (true)
        {
            int newline = _buffer.AsSpan(_scanned, _end - _scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                int end = _scanned + newline;
                Status status = _skipping ? Status.TooLong : Status.Line;
                line = _skipping ? "" : Decode(_start, end);
                _skipping = false;
                _start = _scanned = end + 1;
                return status;
            }

            _scanned = _end;
            if (_end - _start > MaxLineBytes)
            {
                _skipping = true; // the buffer is full of one line: drop what we have, keep dropping
                _start = _scanned = _end = 0;
            }

            if (_end == _buffer.Length)
            {
                // Room for the rest of the current line: move it to the front.
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                (_end, _scanned, _start) = (_end - _start, _scanned - _start, 0);
            }

            int n = _read(_buffer.AsSpan(_end));
            if (n < 0)
            {
                Errno = -n;
                return Status.Error;
            }

            if (n == 0)
            {
                return Finish(out line);
            }

            _end += n;
        }
    }

    /// <summary>At end of file: a last line without '\n', once; then end of file for good.</summary>
    private Status Finish(out string line)
    {
        line = "";
        if (_skipping)
        {
            _skipping = false;
            _start = _scanned = _end; // the tail of the skipped line is not a line of its own
            return Status.TooLong;
        }

        if (_end > _start)
        {
            line = Decode(_start, _end);
            _start = _scanned = _end;
            return Status.Line;
        }

        return Status.EndOfFile;
    }

    private string Decode(int start, int end)
    {
        if (end > start && _buffer[end - 1] == '\r')
        {
            end--;
        }

        return Encoding.UTF8.GetString(_buffer, start, end - start);
    }
}
