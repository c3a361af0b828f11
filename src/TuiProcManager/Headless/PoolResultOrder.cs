namespace TuiProcManager.Headless;

/// <summary>
/// Pool results in input order (<c>--ordered</c>, as Python's <c>Pool.map</c> returns them): a result is held
/// until every earlier input's is out. Not thread-safe: the printer's lock guards it.
/// </summary>
internal sealed class PoolResultOrder
{
    private readonly SortedDictionary<int, string> _early = []; // results that arrived before an earlier input's
    private int _next; // the next input to print

    /// <summary>The result of input <paramref name="index"/>: what can go out now, in order.</summary>
    public IEnumerable<string> Take(int index, string text)
    {
        _early[index] = text;
        while (_early.Remove(_next, out string? next))
        {
            _next++;
            yield return next;
        }
    }

    /// <summary>At the end: what is left, in order (inputs that never ran leave gaps).</summary>
    public IEnumerable<string> Rest()
    {
        List<string> rest = [.. _early.Values];
        _early.Clear();
        return rest;
    }
}
