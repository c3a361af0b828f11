using System.Globalization;
using System.Reactive.Disposables;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Results;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Text;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Headless;

/// <summary>
/// Prints what workers write, as it arrives, every line: stdout lines to our stdout, stderr lines to our
/// stderr, exactly as written (made harmless on a terminal). Failures are reported on stderr.
/// </summary>
/// <remarks>
/// A lossless consumer (<see cref="ISupervisor.LosslessEvents"/>) on a thread of its own: when our stdout
/// is read slowly, writes block there and the supervisor holds the workers back rather than dropping
/// lines. Each run of events is flushed once (<see cref="ConsumerThread"/>), so a flooding worker costs a
/// write per pass, not per line. When an output fails (<see cref="LineSink"/>), its lines are counted
/// and not written; <see cref="OutputGone"/> is cancelled when a reader closed one (EPIPE).
/// </remarks>
internal sealed class ConsolePrinter(LineSink stdout, LineSink stderr, ConsoleSafety safety) : IDisposable
{
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _allEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _outputGone = new();
    private readonly Dictionary<WorkerId, string> _names = [];
    private readonly HashSet<WorkerId> _ended = [];
    private readonly HashSet<WorkerId> _poolWorkers = [];
    private readonly PoolResultOrder _inOrder = new();
    private ConsumerThread? _thread;
    private Action? _flush; // one delegate, not one per event
    private int _expected = -1;
    private bool _anyFailed;
    private bool _poolFinished;
    private bool _allEndedDue; // under _lock: every expected worker has ended; said by Flush
    private readonly Dictionary<(WorkerId, OutputChannel), long> _cutLines = []; // printing thread only: pipes whose cut line has not ended, and its number

    /// <summary>
    /// A pool run: print each pool result (in input order when true, as they complete when false) instead of
    /// the pool workers' progress lines; null for a run of single workers.
    /// </summary>
    public bool? PoolOrder { get; init; }

    /// <summary>The launcher's line limit (<c>LinuxProcessOptions.MaxLineBytes</c>): how a line it cut is told from the worker's text.</summary>
    public int MaxLineBytes { get; init; } = 1024 * 1024;

    /// <summary>Whether this is a pool run.</summary>
    public bool Pooled => PoolOrder is not null;

    /// <summary>A pool run whose pool finished with a result for every input.</summary>
    public bool PoolSucceeded { get; private set; }

    /// <summary>The shared results table, folded from the same events.</summary>
    public ResultsTable Results { get; } = new();

    /// <summary>The run's figures, folded from the same events in the same order (complete once <see cref="AllEnded"/> is).</summary>
    public RunSummaryBuilder Summary { get; } = new();

    /// <summary>Completes once every expected worker's end has been printed (so all of its lines were).</summary>
    public Task AllEnded => _allEnded.Task;

    /// <summary>Cancelled when the reader of our stdout or stderr closed it: the run should end, as a filter does.</summary>
    public CancellationToken OutputGone => _outputGone.Token;

    /// <summary>Events the supervisor could not keep for us (a consumer stalled for minutes): the output has holes.</summary>
    public long EventsLost { get; private set; }

    /// <summary>Prints every event of <paramref name="supervisor"/> from now on, on a thread of its own; dispose to stop.</summary>
    public IDisposable Attach(ISupervisor supervisor)
    {
        stdout.Failed = stderr.Failed = OnFailed;
        ConsumerThread thread = _thread = new ConsumerThread("tuiproc-print");
        IDisposable subscription = supervisor.LosslessEvents(stdout.Name, thread.Scheduler).Subscribe(Print, () =>
        {
            Flush(); // the flush asked for by the last events would be dropped with the thread
            thread.Dispose();
        });
        return new CompositeDisposable(subscription, thread);
    }

    /// <summary>Stops the printing thread (if <see cref="Attach"/>ed and not finished).</summary>
    public void Dispose()
    {
        _thread?.Dispose();
        _outputGone.Dispose();
    }

    /// <summary>
    /// What the stream has shown so far: the workers started and not yet ended (what the user has seen
    /// running), and whether every end printed was a success (final once <see cref="AllEnded"/> is complete).
    /// </summary>
    public (int Alive, bool AllSucceeded) Tally()
    {
        lock (_lock)
        {
            return (_names.Count - _ended.Count, !_anyFailed); // a name per worker the stream showed started
        }
    }

    /// <summary>How many workers to wait for (none beyond the pool's, for a pool run); called once, after spawning them.</summary>
    public void Expect(int workers)
    {
        bool due;
        lock (_lock)
        {
            _expected = workers;
            due = CheckAllEnded();
        }

        // Every end was printed before this: the printing thread flushes and says so (at once if it is gone,
        // having flushed everything at the end of its stream).
        if (due && _thread?.Post(Flush) != true)
        {
            _allEnded.TrySetResult();
        }
    }

    private void OnFailed(LineSink sink)
    {
        if (sink.ReaderGone)
        {
            try
            {
                _outputGone.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The run is over: nothing to stop.
            }
        }
    }

    private void Print(SupervisorEvent e)
    {
        // The flood's path first: an output line concerns neither fold, and needs one write.
        if (e is OutputLine { Channel: OutputChannel.Stdout } flood && (_poolWorkers.Count == 0 || !_poolWorkers.Contains(flood.Worker)))
        {
            WriteOutput(flood, stdout, safety.SanitizeStdout);
            _thread?.FlushSoon(_flush ??= Flush);
            return;
        }

        lock (_lock)
        {
            Summary.Add(e);
            Results.Add(e);
            switch (e)
            {
                case WorkerSpawned s:
                    _names[s.Worker] = s.Spec.DisplayName;
                    if (s.Note is { } note)
                    {
                        stderr.Append($"tuiproc: worker {s.Worker} ({Name(s.Worker)}): {TerminalText.Sanitize(note)}");
                    }

                    if (s.Spec.Kind == WorkerKind.Pool)
                    {
                        _poolWorkers.Add(s.Worker);
                    }

                    break;
                case ResultRecorded r when Pooled && r.Index is { } index:
                    PrintPoolResult(index, Safe(r.Describe()));
                    break;
                case PoolWorkerReplaced r:
                    stderr.Append($"tuiproc: pool worker {r.Worker} ended ({Safe(r.Why)}); " +
                        (r.Replacement is { } n ? $"worker {n} takes its place" : "no worker could take its place"));
                    break;
                case PoolFinished f:
                    FlushPoolResults();
                    (_poolFinished, PoolSucceeded) = (true, f.Outcome.AllSucceeded);
                    if (!f.Outcome.AllSucceeded)
                    {
                        stderr.Append($"tuiproc: pool {f.Pool}: {Plural.Of(f.Outcome.Succeeded, "input")} succeeded, {f.Outcome.Failed} failed, {f.Outcome.NotRun} never ran");
                    }

                    break;
                case OutputLine line when line.Channel == OutputChannel.Stdout && _poolWorkers.Contains(line.Worker):
                    break; // a pool's output is its results
                case OutputLine line when line.Channel == OutputChannel.Stdout:
                    WriteOutput(line, stdout, safety.SanitizeStdout);
                    break;
                case OutputLine line:
                    WriteOutput(line, stderr, safety.SanitizeStderr);
                    break;
                case WorkerEnded ended:
                    if (!ended.Exit.Succeeded)
                    {
                        stderr.Append($"tuiproc: worker {ended.Worker} ({Name(ended.Worker)}) {Describe(ended.Exit)}");
                    }

                    _ended.Add(ended.Worker);
                    _anyFailed |= !ended.Exit.Succeeded;
                    break;
                case ProcessLeftBehind left:
                    stderr.Append($"tuiproc: worker {left.Worker} ({Name(left.Worker)}): {TerminalText.Sanitize(left.Describe())}");
                    break;
                case EventsDropped dropped:
                    // Only a consumer stalled for minutes gets here, and never for output lines: say it, since
                    // the record of the run now has a hole.
                    EventsLost += dropped.Count;
                    break;
                default:
                    break;
            }

            _ = CheckAllEnded();
        }

        _thread?.FlushSoon(_flush ??= Flush);
    }

    /// <summary>
    /// Writes a worker's line to <paramref name="sink"/>. On a terminal the launcher's marks on a line over
    /// the limit stay where they are, next to the line they are about (made harmless, as all text there).
    /// Into a pipe or a file the stream is the worker's alone: the line's kept bytes go there, and what
    /// tuiproc has to say about it goes to stderr as a line of its own, naming the worker, as every other
    /// note of run's (see <see cref="LineCutMarks"/> for why the marks cannot be a worker's own text).
    /// </summary>
    private void WriteOutput(OutputLine line, LineSink sink, bool terminal)
    {
        if (terminal)
        {
            sink.Append(TerminalText.Sanitize(line.Text));
            return;
        }

        if (_cutLines.Count > 0 && _cutLines.Remove((line.Worker, line.Channel), out long cutNumber) && LineCutMarks.DroppedBytes(line.Text) is { } dropped)
        {
            stderr.Append(string.Create(CultureInfo.InvariantCulture, $"tuiproc: worker {line.Worker} ({Name(line.Worker)}): {dropped:N0} more bytes of output line {cutNumber} ({(line.Channel == OutputChannel.Stdout ? "stdout" : "stderr")}) were dropped"));
            return;
        }

        if (LineCutMarks.IsCut(line.Text, MaxLineBytes, out string kept, out long keptBytes))
        {
            sink.Append(kept);
            stderr.Append(string.Create(CultureInfo.InvariantCulture, $"tuiproc: worker {line.Worker} ({Name(line.Worker)}): output line {line.Number} ({(line.Channel == OutputChannel.Stdout ? "stdout" : "stderr")}) is longer than {keptBytes:N0} bytes: it was cut there, the rest is dropped"));
            _cutLines[(line.Worker, line.Channel)] = line.Number;
            return;
        }

        sink.Append(line.Text);
    }

    /// <summary>On the printing thread: writes what was appended, then says every worker ended if they all have (never before their lines are out).</summary>
    private void Flush()
    {
        stdout.FlushAppended();
        stderr.FlushAppended();
        lock (_lock)
        {
            if (_allEndedDue)
            {
                _allEnded.TrySetResult();
            }
        }
    }

    /// <summary>Prints a pool result now (unordered), or once every earlier input's result is printed.</summary>
    private void PrintPoolResult(int index, string text)
    {
        foreach (string ready in PoolOrder == true ? _inOrder.Take(index, text) : [text])
        {
            stdout.Append(ready);
        }
    }

    /// <summary>At the end: what is left, in order (inputs that never ran leave gaps).</summary>
    private void FlushPoolResults()
    {
        foreach (string text in _inOrder.Rest())
        {
            stdout.Append(text);
        }
    }

    private string Safe(string text) => safety.SanitizeStdout ? TerminalText.Sanitize(text) : text;

    private string Name(WorkerId? id) => id is { } w && _names.TryGetValue(w, out string? name) ? TerminalText.Sanitize(name) : "?";

    private static string Describe(WorkerExit exit) => exit.Kind switch
    {
        ExitKind.Exited => $"exited with code {exit.Code}",
        _ => TerminalText.Sanitize(exit.ToString()),
    };

    /// <summary>Caller holds <see cref="_lock"/>: notes that every worker has ended; <see cref="Flush"/> says so once their lines are written.</summary>
    private bool CheckAllEnded()
    {
        // A pool run is over once its pool is finished too: its last results are printed then.
        bool was = _allEndedDue;
        _allEndedDue |= _expected >= 0 && _ended.Count >= _expected && (!Pooled || _poolFinished);
        return _allEndedDue && !was;
    }
}
