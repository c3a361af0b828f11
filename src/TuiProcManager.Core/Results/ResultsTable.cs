using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Results;

/// <summary>
/// The shared results table, the lesson's <c>Manager().dict()</c>: every result any worker produced, in
/// the order they arrived, folded from <see cref="ResultRecorded"/> events.
/// </summary>
/// <remarks>Plain fold; not thread-safe: feed it from one subscriber.</remarks>
public sealed class ResultsTable
{
    private readonly WorkerPids _pids = new();
    private readonly List<ResultRow> _rows = [];

    /// <summary>Every row, in arrival order.</summary>
    public IReadOnlyList<ResultRow> Rows => _rows;

    /// <summary>Rows with a result.</summary>
    public int Succeeded { get; private set; }

    /// <summary>Rows without one.</summary>
    public int Failed => _rows.Count - Succeeded;

    /// <summary>Takes one event into account; returns true when it added a row.</summary>
    public bool Add(SupervisorEvent e)
    {
        if (_pids.Observe(e) || e is not ResultRecorded r)
        {
            return false;
        }

        _rows.Add(new ResultRow(r.Worker, _pids.Of(r.Worker), r.Kind, r.Input, r.Result, r.Error, r.Time, r.Pool, r.Index));
        Succeeded += r.Result is not null ? 1 : 0;
        return true;
    }
}
