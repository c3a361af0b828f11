namespace TuiProcManager.Tui.Models;

/// <summary>A fixed-capacity list that drops its oldest items: scrollback with bounded memory.</summary>
internal sealed class BoundedRing<T>(int capacity)
{
    private readonly T[] _items = new T[capacity > 0 ? capacity : throw new ArgumentOutOfRangeException(nameof(capacity))];
    private int _start;

    public int Count { get; private set; }

    public int Capacity => _items.Length;

    /// <summary>Items dropped because the ring was full.</summary>
    public long Evicted { get; private set; }

    /// <summary>How many times it was emptied: a view that indexes it by <see cref="Evicted"/> starts over when this moves.</summary>
    public int Clears { get; private set; }

    public T this[int index] => (uint)index < (uint)Count
        ? _items[(_start + index) % _items.Length]
        : throw new ArgumentOutOfRangeException(nameof(index));

    public void Add(T item)
    {
        if (Count < _items.Length)
        {
            _items[(_start + Count) % _items.Length] = item;
            Count++;
            return;
        }

        _items[_start] = item;
        _start = (_start + 1) % _items.Length;
        Evicted++;
    }

    /// <summary>Empties it (and forgets what it evicted): a new picture of the same thing.</summary>
    public void Clear()
    {
        Array.Clear(_items);
        (_start, Count, Evicted) = (0, 0, 0);
        Clears++;
    }

    public T[] ToArray() => [.. Enumerable.Range(0, Count).Select(i => this[i])];
}
