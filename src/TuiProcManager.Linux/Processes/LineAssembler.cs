using System.Globalization;
using System.Text;
using TuiProcManager.Core.Text;

namespace TuiProcManager.Linux.Processes;

/// <summary>Turns the bytes of one output pipe into lines, with bounded memory.</summary>
/// <remarks>
/// Lines end at '\n' (a '\r' before it is dropped). Bytes are decoded as UTF-8 one whole line at a time,
/// so a character split across two reads is never broken; invalid sequences become U+FFFD. A line longer
/// than the limit keeps its first bytes (cut at a character boundary); at most the limit is held in
/// memory, whatever the line's length.
/// <para>
/// How a cut line is told depends on <paramref name="showCutAtOnce"/>. For output (true) the kept part
/// is emitted the moment the limit is reached, marked as cut, and when the line finally ends a second
/// line counts the bytes dropped: a worker writing 10 MB without a newline is seen at once, not when
/// (if ever) it writes one. For the results pipe (false) a record is one line or nothing, so the cut
/// line is emitted whole at its end with the count in it, and fails to parse as a result.
/// </para>
/// </remarks>
internal sealed class LineAssembler(int maxLineBytes, bool showCutAtOnce = true)
{
    private readonly int _max = maxLineBytes > 0 ? maxLineBytes : throw new ArgumentOutOfRangeException(nameof(maxLineBytes));
    private byte[] _line = new byte[256];
    private int _length;
    private long _cutBytes; // bytes dropped from the current line (0 while it fits)
    private bool _cutShown; // the kept part of the current cut line was already emitted

    /// <summary>Adds <paramref name="data"/>; lines ready to show are appended to <paramref name="lines"/>.</summary>
    public void Append(ReadOnlySpan<byte> data, List<string> lines)
    {
        while (!data.IsEmpty)
        {
            int newline = data.IndexOf((byte)'\n');
            if (newline >= 0 && newline <= _max && _length == 0 && _cutBytes == 0)
            {
                // The common case, a whole line in this read: decoded where it is, without a copy.
                ReadOnlySpan<byte> whole = data[..newline];
                lines.Add(Encoding.UTF8.GetString(whole.EndsWith((byte)'\r') ? whole[..^1] : whole));
                data = data[(newline + 1)..];
                continue;
            }

            AppendPart(newline < 0 ? data : data[..newline], lines);
            if (newline < 0)
            {
                return;
            }

            lines.Add(TakeLine());
            data = data[(newline + 1)..];
        }
    }

    /// <summary>At end of file: a last line without '\n', if any.</summary>
    public void Flush(List<string> lines)
    {
        if (_length > 0 || _cutBytes > 0)
        {
            lines.Add(TakeLine());
        }
    }

    private void AppendPart(ReadOnlySpan<byte> part, List<string> lines)
    {
        if (_cutBytes > 0)
        {
            _cutBytes += part.Length;
            return;
        }

        int room = _max - _length;
        if (part.Length > room)
        {
            // Cut before a UTF-8 continuation byte (10xxxxxx) so that no character is split.
            int keep = room;
            while (keep > 0 && (part[keep] & 0xC0) == 0x80)
            {
                keep--;
            }

            _cutBytes = part.Length - keep;
            part = part[..keep];
        }

        if (_length + part.Length > _line.Length)
        {
            Array.Resize(ref _line, Math.Min(_max, Math.Max(_line.Length * 2, _length + part.Length)));
        }

        part.CopyTo(_line.AsSpan(_length));
        _length += part.Length;
        if (_cutBytes > 0 && showCutAtOnce)
        {
            lines.Add(LineCutMarks.Cut(Decode(_length), _length));
            _cutShown = true;
            _length = 0;
            ReleaseBuffer();
        }
    }

    private string TakeLine()
    {
        string text;
        if (_cutShown)
        {
            text = LineCutMarks.Dropped(_cutBytes);
        }
        else
        {
            int length = _length;
            if (_cutBytes == 0 && length > 0 && _line[length - 1] == '\r')
            {
                length--;
            }

            text = Decode(length);
            if (_cutBytes > 0)
            {
                text += string.Create(CultureInfo.InvariantCulture, $" … [line cut: {_cutBytes:N0} more bytes]");
            }
        }

        _length = 0;
        _cutBytes = 0;
        _cutShown = false;
        ReleaseBuffer();
        return text;
    }

    private string Decode(int length) => Encoding.UTF8.GetString(_line, 0, length);

    /// <summary>Gives a one-off long line's buffer back.</summary>
    private void ReleaseBuffer()
    {
        if (_line.Length > 64 * 1024)
        {
            _line = new byte[256];
        }
    }
}
