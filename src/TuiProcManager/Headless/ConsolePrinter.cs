using System.Reactive.Linq;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Results;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Text;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Headless;

/// <summary>
/// Prints what workers write, as it arrives: stdout lines to our stdout, stderr lines to our stderr,
/// exactly as written (made harmless on a terminal). Failures and drops are reported on stderr.
/// </summary>
/// <remarks>
/// Events are taken in batches (at most every 20 ms, or 4,096 at a time) and each batch is flushed
/// once, so that a flooding worker costs one write per batch, not one per line.
/// </remarks>
internal sealed class ConsolePrinter(TextWriter stdout, TextWriter stderr, ConsoleSafety safety)
{
    private readonly TaskCompletionSource _allEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Dictionary<WorkerId, string> _names = [];
    private readonly HashSet<WorkerId> _ended = [];
    private readonly HashSet<WorkerId> _poolWorkers = [];
    private readonly SortedDictionary<int, string> _early = []; // pool results that arrived before an earlier input's
    private int _nextIndex; // the next pool input to print, in input order
    private int _expected = -1;

    /// <summary>
    /// A pool run: print each pool result (in input order when true, as they complete when false) instead of
    /// the pool workers' progress lines; null for a run of single workers.
    /// </summary>
    public bool? PoolOrder { get; init; }

    /// <summary>Whether this is a pool run.</summary>
    public bool Pooled => PoolOrder is not null;

    /// <summary>A pool run whose pool finished with a result for every input.</summary>
    public bool PoolSucceeded { get; private set; }

    private bool _poolFinished;

    /// <summary>The shared results table, folded from the same events.</summary>
    public ResultsTable Results { get; } = new();

    /// <summary>The run's figures, folded from the same events in the same order (complete once <see cref="AllEnded"/> is).</summary>
    public RunSummaryBuilder Summary { get; } = new();

    /// <summary>Completes once every expected worker's end has been printed (so all of its lines were).</summary>
    public Task AllEnded => _allEnded.Task;

    public IDisposable Attach(IObservable<SupervisorEvent> events) =>
        events.Buffer(TimeSpan.FromMilliseconds(20), 4096).Where(batch => batch.Count > 0).Subscribe(Print);

    /// <summary>How many workers to wait for; called once, after spawning them.</summary>
    public void Expect(int workers)
    {
        lock (_ended)
        {
            _expected = workers;
            CheckAllEnded();
        }
    }

    private void Print(IList<SupervisorEvent> batch)
    {
        lock (_ended)
        {
            foreach (SupervisorEvent e in batch)
            {
                Summary.Add(e);
                Results.Add(e);
                switch (e)
                {
                    case WorkerSpawned s:
                        _names[s.Worker] = s.Spec.DisplayName;
                        if (s.Spec.Kind == WorkerKind.Pool)
                        {
                            _poolWorkers.Add(s.Worker);
                        }

                        break;
                    case ResultRecorded r when Pooled && r.Index is { } index:
                        PrintPoolResult(index, Safe(r.Describe()));
                        break;
                    case PoolWorkerReplaced r:
                        stderr.WriteLine($"tuiproc: pool worker {r.Worker} ended ({Safe(r.Why)}); " +
                            (r.Replacement is { } n ? $"worker {n} takes its place" : "no worker could take its place"));
                        break;
                    case PoolFinished f:
                        FlushPoolResults();
                        (_poolFinished, PoolSucceeded) = (true, f.Outcome.AllSucceeded);
                        if (!f.Outcome.AllSucceeded)
                        {
                            stderr.WriteLine($"tuiproc: pool {f.Pool}: {f.Outcome.Succeeded} inputs succeeded, {f.Outcome.Failed} failed, {f.Outcome.NotRun} never ran");
                        }

                        break;
                    case OutputLine line when line.Channel == OutputChannel.Stdout && _poolWorkers.Contains(line.Worker):
                        break; // a pool's output is its results
                    case OutputLine line when line.Channel == OutputChannel.Stdout:
                        stdout.WriteLine(safety.SanitizeStdout ? TerminalText.Sanitize(line.Text) : line.Text);
                        break;
                    case OutputLine line:
                        stderr.WriteLine(safety.SanitizeStderr ? TerminalText.Sanitize(line.Text) : line.Text);
                        break;
                    case WorkerEnded ended:
                        if (!ended.Exit.Succeeded)
                        {
                            stderr.WriteLine($"tuiproc: worker {ended.Worker} ({Name(ended.Worker)}) {Describe(ended.Exit)}");
                        }

                        _ended.Add(ended.Worker);
                        break;
                    case ProcessLeftBehind left:
                        stderr.WriteLine($"tuiproc: worker {left.Worker} ({Name(left.Worker)}): {TerminalText.Sanitize(left.Describe())}");
                        break;
                    case EventsDropped dropped when dropped.OutputLines > 0:
                        stderr.WriteLine($"tuiproc: {dropped.OutputLines} output lines of worker {dropped.Worker} ({Name(dropped.Worker)}) were dropped: they came faster than this output could take them");
                        break;
                    default:
                        break;
                }
            }

            stdout.Flush();
            stderr.Flush();
            CheckAllEnded();
        }
    }

    /// <summary>Prints a pool result now (unordered), or once every earlier input's result is printed.</summary>
    private void PrintPoolResult(int index, string text)
    {
        if (PoolOrder != true)
        {
            stdout.WriteLine(text);
            return;
        }

        _early[index] = text;
        while (_early.Remove(_nextIndex, out string? next))
        {
            stdout.WriteLine(next);
            _nextIndex++;
        }
    }

    /// <summary>At the end: what is left, in order (inputs that never ran leave gaps).</summary>
    private void FlushPoolResults()
    {
        foreach (string text in _early.Values)
        {
            stdout.WriteLine(text);
        }

        _early.Clear();
    }

    private string Safe(string text) => safety.SanitizeStdout ? TerminalText.Sanitize(text) : text;

    private string Name(WorkerId? id) => id is { } w && _names.TryGetValue(w, out string? name) ? TerminalText.Sanitize(name) : "?";

    private static string Describe(WorkerExit exit) => exit.Kind switch
    {
        ExitKind.Exited => $"exited with code {exit.Code}",
        _ => TerminalText.Sanitize(exit.ToString()),
    };

    private void CheckAllEnded()
    {
        // A pool run is over once its pool is finished too: its last results are printed then.
        if (_expected >= 0 && _ended.Count >= _expected && (!Pooled || _poolFinished))
        {
            _allEnded.TrySetResult();
        }
    }
}
