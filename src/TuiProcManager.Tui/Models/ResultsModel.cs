using TuiProcManager.Core.Events;
using TuiProcManager.Core.Results;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Models;

/// <summary>
/// The Results panel's data: the shared results table (the lesson's <c>Manager().dict()</c>), every result
/// of every worker, single or pool, in the order they arrived. UI thread only.
/// </summary>
/// <remarks>
/// Memory is bounded whatever the run: the latest <paramref name="maxRows"/> rows are kept (each cut to
/// <see cref="MaxTextChars"/> characters), the older ones only counted. A pool of 100,000 inputs keeps
/// 10,000 rows by default. <c>tuiproc run --results FILE</c> is the place for the whole table.
/// </remarks>
/// <param name="maxRows">Rows kept. Default 10,000.</param>
internal sealed class ResultsModel(int maxRows = ResultsModel.DefaultMaxRows)
{
    /// <summary>Rows kept by default.</summary>
    public const int DefaultMaxRows = 10_000;

    /// <summary>Longest row text kept: a square of a huge N is cut, with a count of what was cut.</summary>
    public const int MaxTextChars = 2_000;

    private WorkerPids _pids = new();

    /// <summary>The latest rows, oldest first.</summary>
    public BoundedRing<ResultEntry> Rows { get; } = new(maxRows);

    /// <summary>Every row ever recorded, kept or not.</summary>
    public long Total { get; private set; }

    /// <summary>Rows without a result, kept or not.</summary>
    public long Failed { get; private set; }

    /// <summary>Rows with a result, kept or not.</summary>
    public long Succeeded => Total - Failed;

    /// <summary>Rows no longer kept (only counted).</summary>
    public long Dropped => Rows.Evicted;

    /// <summary>Forgets every row.</summary>
    public void Clear()
    {
        _pids = new WorkerPids();
        Rows.Clear();
        (Total, Failed) = (0, 0);
    }

    /// <summary>Folds one event; true when a row was added.</summary>
    public bool Apply(SupervisorEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (_pids.Observe(e) || e is not ResultRecorded r)
        {
            return false;
        }

        bool failed = r.Result is null;
        Rows.Add(new ResultEntry(r.Time, r.Worker, _pids.Of(r.Worker), DisplayText.Prepare(r.Describe(), MaxTextChars), failed));
        Total++;
        Failed += failed ? 1 : 0;
        return true;
    }
}
