using TuiProcManager.Core.Os;

namespace TuiProcManager.Tui.Models;

/// <summary>
/// The lines of one scrollback that the output panel shows: all of them, or only stdout's or stderr's
/// (<see cref="OutputFilter"/>), indexed from the oldest shown. UI thread only.
/// </summary>
/// <remarks>
/// Unfiltered it is the scrollback itself, at no cost. Filtered it keeps the positions of the lines that
/// pass, in a ring as large as the scrollback (allocated once per <see cref="Show"/>, never per line);
/// <see cref="Sync"/> looks at each line once, those added since the last call, and forgets the positions
/// the scrollback evicted. The positions are absolute (lines ever added), so eviction does not move them;
/// a scrollback emptied (<see cref="BoundedRing{T}.Clears"/>) starts the index over.
/// </remarks>
internal sealed class ShownLines
{
    private static readonly BoundedRing<OutputEntry> Nothing = new(1);

    private BoundedRing<OutputEntry> _lines = Nothing;
    private long[] _positions = [];
    private int _first; // where the oldest kept position is in _positions
    private int _count; // positions kept
    private long _looked; // absolute position of the next line of _lines not yet looked at
    private long _evicted; // shown lines the scrollback evicted since Show
    private int _clears;

    /// <summary>The scrollback shown.</summary>
    public BoundedRing<OutputEntry> Source => _lines;

    /// <summary>Which lines pass.</summary>
    public OutputFilter Filter { get; private set; }

    /// <summary>Lines shown.</summary>
    public int Count => Filter == OutputFilter.Both ? _lines.Count : _count;

    /// <summary>Shown lines that fell out of the scrollback: a view keeps its place by moving up this many.</summary>
    public long Evicted => Filter == OutputFilter.Both ? _lines.Evicted : _evicted;

    /// <summary>The <paramref name="index"/>th line shown, from the oldest.</summary>
    public OutputEntry this[int index] => Filter == OutputFilter.Both
        ? _lines[index]
        : (uint)index < (uint)_count
            ? _lines[(int)(_positions[(_first + index) % _positions.Length] - _lines.Evicted)]
            : throw new ArgumentOutOfRangeException(nameof(index));

    /// <summary>Shows <paramref name="lines"/> through <paramref name="filter"/>, from scratch.</summary>
    public void Show(BoundedRing<OutputEntry> lines, OutputFilter filter)
    {
        ArgumentNullException.ThrowIfNull(lines);
        (_lines, Filter) = (lines, filter);
        if (filter != OutputFilter.Both && _positions.Length != lines.Capacity)
        {
            _positions = new long[lines.Capacity];
        }

        StartOver();
        Sync();
    }

    /// <summary>Catches up with lines added (and evicted) since the last call: a batch's worth of work, no allocation.</summary>
    public void Sync()
    {
        if (Filter == OutputFilter.Both)
        {
            return;
        }

        if (_clears != _lines.Clears)
        {
            StartOver();
        }

        long oldest = _lines.Evicted, end = oldest + _lines.Count;
        while (_count > 0 && _positions[_first] < oldest)
        {
            _first = (_first + 1) % _positions.Length;
            _count--;
            _evicted++;
        }

        OutputChannel wanted = Filter == OutputFilter.Stdout ? OutputChannel.Stdout : OutputChannel.Stderr;
        for (long position = Math.Max(_looked, oldest); position < end; position++)
        {
            if (_lines[(int)(position - oldest)].Channel == wanted)
            {
                // Never full here: every kept position is a line still in the scrollback, which holds no more than its capacity.
                _positions[(_first + _count) % _positions.Length] = position;
                _count++;
            }
        }

        _looked = end;
    }

    private void StartOver()
    {
        (_first, _count, _looked, _evicted, _clears) = (0, 0, 0, 0, _lines.Clears);
    }
}
