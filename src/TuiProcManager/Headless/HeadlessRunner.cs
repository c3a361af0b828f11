using System.Globalization;
using System.Reactive.Disposables;
using TuiProcManager.CommandLine;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Text;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Headless;

/// <summary>
/// <c>tuiproc run</c>: the lesson's program. Starts every worker, prints their lines as they arrive, joins
/// them all, prints <c>Done!</c>; or, with <c>--pool</c>, maps the inputs over a pool and prints the results.
/// </summary>
/// <remarks>
/// <para>
/// Exit codes (see <see cref="ExitCodes"/>): 0 when every worker exited 0 (with a pool: every input has a
/// result), 1 otherwise, 3 when an output or a file could not be written, 124 when <c>--timeout</c>
/// expired, 128+N when signal N arrived, 141 when our reader closed stdout. On a timeout, a signal or a
/// closed reader every live worker is terminated (SIGTERM, grace period, SIGKILL) before we exit; a second
/// signal kills them at once.
/// </para>
/// <para>
/// Nothing is lost on the way: the printer and the events file are lossless consumers, and a slow reader
/// holds the workers back. After a signal that wait is bounded (<see cref="GiveUpAfterSignal"/>): a reader
/// that does not read any more does not keep us alive, and what it did not take is said lost.
/// </para>
/// </remarks>
/// <param name="supervisor">What the run acts through, as any client.</param>
/// <param name="owner">Stops the supervisor once the run is over, which completes the streams (the events file gets all of it).</param>
/// <param name="stdout">Our stdout.</param>
/// <param name="stderr">Our stderr.</param>
/// <param name="safety">What the terminal needs sanitised.</param>
internal sealed class HeadlessRunner(ISupervisor supervisor, IAsyncDisposable owner, TextWriter stdout, TextWriter stderr, ConsoleSafety safety)
{
    /// <summary>How long, after a signal and the workers' grace period, the consumers may take to finish.</summary>
    private static readonly TimeSpan GiveUpAfterSignal = TimeSpan.FromSeconds(3);

    private readonly LineSink _stdout = new(stdout, "stdout");
    private readonly LineSink _stderr = new(stderr, "stderr");
    private LineSink _out = null!; // where people's output goes: stdout, unless the events file is written there
    private LineSink _err = null!;

    /// <summary>The launcher's line limit, so that its marks on a line over it are told from the worker's text.</summary>
    public int MaxLineBytes { get; init; } = 1024 * 1024;

    /// <summary>The machine's cores: the summary's all-at-once estimate.</summary>
    public required int Cores { get; init; }

    /// <summary>Print the run's summary after <c>Done!</c>.</summary>
    public bool PrintSummary { get; init; }

    /// <summary>How long terminate waits between SIGTERM and SIGKILL (the supervisor's setting).</summary>
    public TimeSpan GracePeriod { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Starts every worker at once and joins them.</summary>
    public Task<int> RunAsync(IReadOnlyList<WorkerSpec> specs, RunOptions options) =>
        RunAsync(new ConsolePrinter(Out(options), Err(options), safety) { MaxLineBytes = MaxLineBytes }, options, async (printer, stop) =>
        {
            foreach (WorkerSpec spec in specs)
            {
                await supervisor.SpawnAsync(spec).ConfigureAwait(false);
            }

            printer.Expect(specs.Count);
            return await supervisor.JoinAllAsync(options.Timeout, stop).ConfigureAwait(false);
        });

    /// <summary>Maps the inputs over a pool, prints each result (in input order when <paramref name="ordered"/>), joins it.</summary>
    public Task<int> RunPoolAsync(PoolRequest request, bool ordered, RunOptions options) =>
        RunAsync(new ConsolePrinter(Out(options), Err(options), safety) { MaxLineBytes = MaxLineBytes, PoolOrder = ordered }, options, async (printer, stop) =>
        {
            PoolId pool = await supervisor.StartPoolAsync(request).ConfigureAwait(false);
            printer.Expect(0); // a pool run's workers are the pool's: it is over when the pool has finished (its workers ended first)
            using CancellationTokenSource limit = CancellationTokenSource.CreateLinkedTokenSource(stop);
            if (options.Timeout is { } t)
            {
                limit.CancelAfter(t);
            }

            try
            {
                await supervisor.JoinPoolAsync(pool, limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stop.IsCancellationRequested)
            {
                return false; // the time limit
            }

            await supervisor.JoinAllAsync(TimeSpan.FromSeconds(10), CancellationToken.None).ConfigureAwait(false);
            return true;
        });

    /// <summary>Runs <paramref name="join"/> (true: all ended in time) with both consumers attached, and decides the exit code.</summary>
    private async Task<int> RunAsync(ConsolePrinter printer, RunOptions options, Func<ConsolePrinter, CancellationToken, Task<bool>> join)
    {
        using ConsolePrinter ownPrinter = printer;
        EventLogWriter? log = options.Files.Events;
        using RunFiles closeFiles = options.Files;
        using TerminationSignals signals = new(_ => KillAll());
        using CancellationTokenSource stop = CancellationTokenSource.CreateLinkedTokenSource(signals.Token, printer.OutputGone);
        if (log is not null)
        {
            log.Failed = problem => Say(problem);
        }

        // Subscribed before the first spawn, so that nothing a worker does is missed; each starts with a
        // snapshot (the scheduling mode, any worker alive).
        SerialDisposable printing = new() { Disposable = printer.Attach(supervisor) };
        SerialDisposable logging = new() { Disposable = log?.Attach(supervisor) };
        using CompositeDisposable consumers = new(printing, logging);

        int code = await JoinAsync(() => join(printer, stop.Token), options.Timeout, signals, printer).ConfigureAwait(false);
        bool interrupted = code != ExitCodes.Success && code != ExitCodes.Timeout;
        if (!interrupted)
        {
            // Every end printed means every line printed: a worker's lines precede its end in the stream.
            await printer.AllEnded.ConfigureAwait(false);
        }
        else if (!await Within(printer.AllEnded, GracePeriod + GiveUpAfterSignal).ConfigureAwait(false))
        {
            Say($"{_out.Name} is not being read: the lines it did not take are lost");
            consumers.Dispose(); // lets go of the workers it held, so that their ends come
        }

        if (code == ExitCodes.Success)
        {
            _out.WriteLine("Done!");
            bool succeeded = printer.Pooled ? printer.PoolSucceeded : printer.Tally().AllSucceeded;
            code = succeeded ? code : ExitCodes.Failure;
        }

        if (PrintSummary && !interrupted && printer.Summary.Build(Cores) is { } summary)
        {
            foreach (string line in summary.ToLines())
            {
                _out.WriteLine(line);
            }
        }

        string? resultsProblem = options.Files.Results?.Write(printer.Results);
        _out.Flush();
        await owner.DisposeAsync().ConfigureAwait(false); // completes the streams: the log gets all of it
        if (log is not null && !await Within(log.Completion, interrupted ? GiveUpAfterSignal : Timeout.InfiniteTimeSpan).ConfigureAwait(false))
        {
            Say($"{log.ShownAs} is not being read: the events it did not take are lost");
        }

        return Incomplete(code, printer, log, resultsProblem);
    }

    /// <summary>Runs the join; on a timeout, a signal or a closed reader, terminates the workers still alive.</summary>
    private async Task<int> JoinAsync(Func<Task<bool>> join, TimeSpan? timeout, TerminationSignals signals, ConsolePrinter printer)
    {
        string why;
        int code;
        try
        {
            if (await join().ConfigureAwait(false))
            {
                return ExitCodes.Success;
            }

            why = string.Create(CultureInfo.InvariantCulture, $"timed out after {timeout!.Value.TotalSeconds:0.###} s");
            code = ExitCodes.Timeout;
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            why = "interrupted by " + (signals.Signal switch { 2 => "SIGINT", 15 => "SIGTERM", _ => "SIGHUP" });
            code = ExitCodes.Signaled(signals.Signal);
        }
        catch (OperationCanceledException) when (printer.OutputGone.IsCancellationRequested)
        {
            LineSink gone = _stdout.ReaderGone ? _stdout : _stderr;
            why = $"{gone.Name} was closed by its reader after {Plural.Of(gone.LinesDelivered, "line")}";
            code = ExitCodes.ReaderGone;
        }

        Say($"{why}: terminating {Plural.Of(printer.Tally().Alive, "worker")} still running");
        Task all = supervisor.TerminateAllAsync();
        if (code == ExitCodes.Timeout)
        {
            await all.ConfigureAwait(false);
        }
        else if (!await Within(all, GracePeriod + GiveUpAfterSignal).ConfigureAwait(false))
        {
            // A consumer that does not read holds the workers' pipes, so their ends are not reported (they
            // are dead and reaped: only the report waits). Nobody waits for it now.
            KillAll();
        }

        return code;
    }

    /// <summary>The exit code once the outputs are accounted for: what could not be written makes a good run incomplete.</summary>
    private int Incomplete(int code, ConsolePrinter printer, EventLogWriter? log, string? resultsProblem)
    {
        List<string> problems = [];
        foreach (LineSink sink in new[] { _stdout, _stderr })
        {
            if (sink.Problem is not null && !sink.ReaderGone)
            {
                problems.Add(sink.Describe());
            }
        }

        if (resultsProblem is not null)
        {
            problems.Add(resultsProblem);
        }

        if (printer.EventsLost > 0)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{printer.EventsLost:N0} {Plural.Noun(printer.EventsLost, "sample or state change", "samples or state changes")} {(printer.EventsLost == 1 ? "was" : "were")} dropped: the output was not read for minutes"));
        }

        foreach (string problem in problems)
        {
            Say(problem);
        }

        bool incomplete = problems.Count > 0 || log?.Problem is not null;
        return incomplete && code is ExitCodes.Success or ExitCodes.Failure ? ExitCodes.Incomplete : code;
    }

    /// <summary>
    /// Where the workers' stdout, <c>Done!</c> and the summary go: our stdout, unless the events file is written
    /// there (<c>--events /dev/stdout | jq</c>), which must stay JSON Lines; then our stderr.
    /// </summary>
    private LineSink Out(RunOptions options) => _out = options.Files.EventsTarget == EventsTarget.Stdout ? _stderr : _stdout;

    /// <summary>Where the workers' stderr and our messages go: our stderr, unless the events file is written there; then our stdout.</summary>
    private LineSink Err(RunOptions options) => _err = options.Files.EventsTarget == EventsTarget.Stderr ? _stdout : _stderr;

    /// <summary>One line on stderr (or where <see cref="Err"/> says), at once.</summary>
    private void Say(string message)
    {
        _err.WriteLine("tuiproc: " + message);
        _err.Flush();
    }

    private static async Task<bool> Within(Task task, TimeSpan bound)
    {
        await Task.WhenAny(task, Task.Delay(bound)).ConfigureAwait(false);
        return task.IsCompleted;
    }

    private void KillAll() => _ = supervisor.KillAllAsync();
}
