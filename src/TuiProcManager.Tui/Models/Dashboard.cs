using TuiProcManager.Core.Events;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Models;

/// <summary>What a batch of events changed, so that only those panels are redrawn.</summary>
/// <param name="Table">The process table.</param>
/// <param name="Timeline">The states timeline.</param>
/// <param name="Cpu">The CPU panel.</param>
/// <param name="OutputOf">Workers whose output grew.</param>
/// <param name="Scheduling">The scheduling mode, its slots or their use.</param>
/// <param name="Run">Whether a run started or ended in the batch (the later of the two if both).</param>
/// <param name="Results">The shared results table grew.</param>
/// <param name="Pools">A pool changed.</param>
/// <param name="PoolStarted">The pool started last in the batch, if one started.</param>
/// <param name="Reset">A snapshot made every model start over: every panel is to be redrawn.</param>
internal sealed record DashboardChanges(
    bool Table,
    bool Timeline,
    bool Cpu,
    IReadOnlySet<WorkerId> OutputOf,
    bool Scheduling = false,
    RunChange Run = RunChange.None,
    bool Results = false,
    bool Pools = false,
    PoolId? PoolStarted = null,
    bool Reset = false);

/// <summary>Every panel's model, fed from one event stream. UI thread only.</summary>
/// <remarks>
/// A <see cref="SupervisorSnapshot"/> is the whole picture from then on: every model forgets what it had
/// before taking it. A live stream has one, first; a replay sends one after each seek, and the history that
/// follows it rebuilds every panel as it was at that moment.
/// </remarks>
/// <param name="output">Output scrollback limits.</param>
/// <param name="cores">Cores for the run summary's all-at-once estimate: the machine's (<see cref="Core.Os.MachineFacts"/>).</param>
/// <param name="resultRows">Rows the Results panel keeps; <see cref="ResultsModel.DefaultMaxRows"/> by default.</param>
internal sealed class Dashboard(int cores, OutputOptions? output = null, int? resultRows = null)
{
    public ProcessTableModel Processes { get; } = new();

    public OutputModel Output { get; } = new(output ?? new OutputOptions());

    public TimelineModel Timeline { get; } = new();

    public CpuModel Cpu { get; } = new();

    public SchedulingModel Scheduling { get; } = new();

    public RunSummaryModel Summary { get; } = new(cores);

    public ResultsModel Results { get; } = new(resultRows ?? ResultsModel.DefaultMaxRows);

    public PoolModel Pools { get; } = new();

    /// <summary>Folds a batch of events into every model.</summary>
    public DashboardChanges Apply(IEnumerable<SupervisorEvent> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        bool table = false, timeline = false, cpu = false, scheduling = false, results = false, pools = false, reset = false;
        PoolId? poolStarted = null;
        RunChange run = RunChange.None;
        HashSet<WorkerId> output = [];
        foreach (SupervisorEvent e in batch)
        {
            if (e is SupervisorSnapshot)
            {
                Clear();
                (table, timeline, cpu, scheduling, results, pools, reset) = (true, true, true, true, true, true, true);
            }

            table |= Processes.Apply(e);
            timeline |= Timeline.Apply(e);
            cpu |= Cpu.Apply(e);
            scheduling |= Scheduling.Apply(e);
            results |= Results.Apply(e);
            pools |= Pools.Apply(e);
            poolStarted = e is PoolStarted started ? started.Pool : poolStarted;
            if (Summary.Apply(e) is not RunChange.None and RunChange change)
            {
                run = change;
            }

            if (Output.Apply(e, out WorkerId? worker) && worker is { } w)
            {
                output.Add(w);
            }

            // Time moves on even when nothing else happens: the machine sample, every second, redraws the
            // timeline, whose cells move left. Nothing in the table follows the clock.
            if (e is MachineSampled)
            {
                timeline = true;
            }
        }

        return new DashboardChanges(table, timeline, cpu, output, scheduling, run, results, pools, poolStarted, reset);
    }

    /// <summary>Every model forgets what it had.</summary>
    private void Clear()
    {
        Processes.Clear();
        Output.Clear();
        Timeline.Clear();
        Cpu.Clear();
        Scheduling.Clear();
        Summary.Clear();
        Results.Clear();
        Pools.Clear();
    }

    /// <summary>A worker's display name, or its ID when unknown.</summary>
    public string Name(WorkerId worker) => Processes.Find(worker)?.Spec.DisplayName ?? worker.ToString();
}
