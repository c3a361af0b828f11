namespace TuiProcManager.Benchmarks;

/// <summary>
/// A counting reader for the output of one or more <c>seq 1 MAX</c> relayed into one stream: how many
/// times each number arrived, and whether the arrival order fits every copy's lines being in order.
/// </summary>
/// <remarks>
/// The copies are not told apart. Each copy's lines are in order exactly when no number's k-th arrival
/// comes before the k-th arrival of the number below it (if it does, some copy sent it before its own
/// predecessor); when nothing is lost this is also enough (a greedy matching of arrivals to copies always
/// succeeds). A lost line breaks that rule without any reordering, so <see cref="OutOfOrder"/> only means
/// reordering when <see cref="IsComplete"/> holds.
/// </remarks>
internal sealed class SeqTally(int max)
{
    private readonly int[] _counts = new int[max + 1]; // [0] unused

    /// <summary>Lines that were a number in 1..max.</summary>
    public long Numbers { get; private set; }

    /// <summary>Any other line (<c>tuiproc run</c> ends with <c>Done!</c>).</summary>
    public long Others { get; private set; }

    /// <summary>Arrivals that broke the order rule above.</summary>
    public long OutOfOrder { get; private set; }

    /// <summary>Every number in 1..max arrived exactly <paramref name="copies"/> times.</summary>
    public bool IsComplete(int copies) => Numbers == (long)max * copies && _counts.Skip(1).All(c => c == copies);

    /// <summary>Reads <paramref name="stream"/> to its end. Bytes are parsed in place: at millions of lines a
    /// second a string per line would make this reader, not the relay, the bottleneck.</summary>
    public void Read(Stream stream)
    {
        byte[] buffer = new byte[1 << 16];
        long value = 0;
        bool digitsOnly = true, empty = true;
        int n;
        while ((n = stream.Read(buffer)) > 0)
        {
            foreach (byte b in buffer.AsSpan(0, n))
            {
                if (b == '\n')
                {
                    Line(value, digitsOnly && !empty);
                    (value, digitsOnly, empty) = (0, true, true);
                }
                else
                {
                    empty = false;
                    digitsOnly &= b is >= (byte)'0' and <= (byte)'9';
                    value = digitsOnly ? Math.Min(value * 10 + (b - '0'), (long)max + 1) : 0; // past max is out of range, however long
                }
            }
        }

        if (!empty)
        {
            Line(value, digitsOnly); // a last line without its newline
        }
    }

    private void Line(long value, bool isNumber)
    {
        if (!isNumber || value < 1 || value > max)
        {
            Others++;
            return;
        }

        int v = (int)value;
        if (v > 1 && _counts[v] >= _counts[v - 1])
        {
            OutOfOrder++;
        }

        _counts[v]++;
        Numbers++;
    }
}
