using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Models;

/// <summary>
/// The output panel's data: a bounded scrollback per worker, and one of all workers merged, each line
/// tagged with its worker. UI thread only.
/// </summary>
/// <remarks>
/// Memory is bounded whatever the workers print: at most <see cref="OutputOptions.LinesPerWorker"/> lines
/// per worker and <see cref="OutputOptions.MergedLines"/> merged, each at most
/// <see cref="OutputOptions.MaxLineChars"/> characters. What falls out is counted.
/// </remarks>
internal sealed class OutputModel(OutputOptions options)
{
    private readonly Dictionary<WorkerId, WorkerOutput> _workers = [];

    public OutputModel()
        : this(new OutputOptions())
    {
    }

    public BoundedRing<OutputEntry> Merged { get; } = new(options.MergedLines);

    /// <summary>Lines the merged view lost, like <see cref="WorkerOutput.Dropped"/>.</summary>
    public long MergedDropped => Merged.Evicted + _workers.Values.Sum(w => w.NotDelivered);

    /// <summary>The worker's scrollback (created empty if it has not written yet, so a view can hold on to it).</summary>
    public WorkerOutput For(WorkerId worker) => Get(worker);

    /// <summary>Folds one event; <paramref name="changed"/> is the worker whose output changed.</summary>
    public bool Apply(SupervisorEvent e, out WorkerId? changed)
    {
        changed = null;
        switch (e)
        {
            case OutputLine line:
                OutputEntry entry = new(line.Worker, line.Channel, DisplayText.Prepare(line.Text, options.MaxLineChars), line.Number, line.Time);
                Get(line.Worker).Lines.Add(entry);
                Merged.Add(entry);
                changed = line.Worker;
                return true;
            case EventsDropped { OutputLines: > 0, Worker: { } worker } dropped:
                Get(worker).NotDelivered += dropped.OutputLines;
                changed = worker;
                return true;
            default:
                return false;
        }
    }

    /// <summary>Forgets every line; the workers' scrollbacks stay the same objects (a view may hold one).</summary>
    public void Clear()
    {
        foreach (WorkerOutput output in _workers.Values)
        {
            output.Lines.Clear();
            output.NotDelivered = 0;
        }

        Merged.Clear();
    }

    /// <summary>Index of the next line (after <paramref name="from"/>, or before it going back) containing <paramref name="query"/>, ignoring case; wraps around.</summary>
    public static int? Find(BoundedRing<OutputEntry> lines, string query, int from, bool forward)
    {
        ArgumentNullException.ThrowIfNull(lines);
        return Find(lines.Count, i => lines[i].Text, query, from, forward);
    }

    /// <summary>Index of the next of <paramref name="count"/> lines (after <paramref name="from"/>, or before it going back) whose <paramref name="text"/> contains <paramref name="query"/>, ignoring case; wraps around.</summary>
    public static int? Find(int count, Func<int, string> text, string query, int from, bool forward)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrEmpty(query) || count == 0)
        {
            return null;
        }

        for (int step = 1; step <= count; step++)
        {
            int i = ((from + (forward ? step : -step)) % count + count) % count;
            if (text(i).Contains(query, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return null;
    }

    private WorkerOutput Get(WorkerId worker)
    {
        if (!_workers.TryGetValue(worker, out WorkerOutput? output))
        {
            _workers[worker] = output = new WorkerOutput(options.LinesPerWorker);
        }

        return output;
    }
}

/// <summary>Bounds of the output panel's memory.</summary>
internal sealed record OutputOptions
{
    /// <summary>Scrollback per worker. Default 2,000 lines.</summary>
    public int LinesPerWorker { get; init; } = 2_000;

    /// <summary>Scrollback of the merged view. Default 10,000 lines.</summary>
    public int MergedLines { get; init; } = 10_000;

    /// <summary>Longest line kept; the rest is cut with a count. Default 2,000 characters.</summary>
    public int MaxLineChars { get; init; } = 2_000;
}
