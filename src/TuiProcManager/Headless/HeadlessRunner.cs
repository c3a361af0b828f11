using System.Globalization;
using System.Reactive.Disposables;
using TuiProcManager.CommandLine;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Results;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Headless;

/// <summary>
/// <c>tuiproc run</c>: the lesson's program. Starts every worker, prints their lines as they arrive, joins
/// them all, prints <c>Done!</c>; or, with <c>--pool</c>, maps the inputs over a pool and prints the results.
/// </summary>
/// <remarks>
/// Exit codes (see <see cref="ExitCodes"/>): 0 when every worker exited 0 (with a pool: every input has a
/// result), 1 otherwise, 124 when <c>--timeout</c> expired, 128+N when signal N arrived. On a timeout or a
/// signal every live worker is terminated (SIGTERM, grace period, SIGKILL) before we exit; a second signal
/// kills them at once.
/// </remarks>
internal sealed class HeadlessRunner(ISupervisor supervisor, TextWriter stdout, TextWriter stderr, ConsoleSafety safety)
{
    /// <summary>Print the run's summary after <c>Done!</c>.</summary>
    public bool PrintSummary { get; init; }

    /// <summary>Starts every worker at once and joins them.</summary>
    public Task<int> RunAsync(IReadOnlyList<WorkerSpec> specs, RunOptions options) =>
        RunAsync(new ConsolePrinter(stdout, stderr, safety), options, async (printer, signals) =>
        {
            foreach (WorkerSpec spec in specs)
            {
                supervisor.Spawn(spec);
            }

            printer.Expect(specs.Count);
            return await JoinAsync(() => supervisor.JoinAllAsync(options.Timeout, signals.Token), options.Timeout, signals).ConfigureAwait(false);
        });

    /// <summary>Maps the inputs over a pool, prints each result (in input order when <paramref name="ordered"/>), joins it.</summary>
    public Task<int> RunPoolAsync(PoolRequest request, bool ordered, RunOptions options) =>
        RunAsync(new ConsolePrinter(stdout, stderr, safety) { PoolOrder = ordered }, options, async (printer, signals) =>
        {
            PoolId pool = supervisor.StartPool(request);
            int code = await JoinAsync(
                async () =>
                {
                    using CancellationTokenSource limit = CancellationTokenSource.CreateLinkedTokenSource(signals.Token);
                    if (options.Timeout is { } t)
                    {
                        limit.CancelAfter(t);
                    }

                    try
                    {
                        await supervisor.JoinPoolAsync(pool, limit.Token).ConfigureAwait(false);
                        return true;
                    }
                    catch (OperationCanceledException) when (!signals.Token.IsCancellationRequested)
                    {
                        return false; // the time limit
                    }
                },
                options.Timeout,
                signals).ConfigureAwait(false);

            // Pool workers are joined with the pool; whoever else ended, ended.
            await supervisor.JoinAllAsync(TimeSpan.FromSeconds(10), CancellationToken.None).ConfigureAwait(false);
            printer.Expect(supervisor.Snapshot().Length);
            return code;
        });

    private async Task<int> RunAsync(ConsolePrinter printer, RunOptions options, Func<ConsolePrinter, TerminationSignals, Task<int>> run)
    {
        EventLogWriter? log = options.Files.Events;
        ResultsFileWriter? resultsFile = options.Files.Results;
        using RunFiles closeFiles = options.Files;
        using TerminationSignals signals = new(KillAll);

        // Subscribed before the first spawn, so that nothing a worker does is missed; the snapshot tells
        // the summary the scheduling mode.
        using IDisposable printing = printer.Attach(supervisor.EventsWithSnapshot);
        using IDisposable logging = log?.Attach(supervisor.EventsWithSnapshot) ?? Disposable.Empty; // the snapshot first: the mode, and any worker alive
        int code = await run(printer, signals).ConfigureAwait(false);

        // Every end printed means every line printed: a worker's lines precede its end in the stream.
        await printer.AllEnded.ConfigureAwait(false);
        if (code == ExitCodes.Success)
        {
            await stdout.WriteLineAsync("Done!").ConfigureAwait(false);
            bool succeeded = printer.Pooled ? printer.PoolSucceeded : supervisor.Snapshot().All(w => w.Exit?.Succeeded == true);
            code = succeeded ? code : ExitCodes.Failure;
        }

        if (PrintSummary && printer.Summary.Build(Environment.ProcessorCount) is { } summary)
        {
            foreach (string line in summary.ToLines())
            {
                await stdout.WriteLineAsync(line).ConfigureAwait(false);
            }
        }

        _ = resultsFile?.Write(printer.Results); // TODO(runner): say the problem (one line) and exit non-zero
        await stdout.FlushAsync().ConfigureAwait(false);
        await supervisor.DisposeAsync().ConfigureAwait(false); // completes the stream: the log gets all of it
        if (log is not null)
        {
            await log.Completion.ConfigureAwait(false);
        }

        return code;
    }

    /// <summary>Runs <paramref name="join"/>; on a timeout or a signal, terminates the workers still alive.</summary>
    private async Task<int> JoinAsync(Func<Task<bool>> join, TimeSpan? timeout, TerminationSignals signals)
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

        int alive = supervisor.Snapshot().Count(w => w.State != WorkerState.Ended);
        await stderr.WriteLineAsync($"tuiproc: {why}: terminating {alive} worker(s) still running").ConfigureAwait(false);
        await stderr.FlushAsync().ConfigureAwait(false);
        await supervisor.TerminateAllAsync().ConfigureAwait(false);
        return code;
    }

    private void KillAll()
    {
        foreach (WorkerInfo w in supervisor.Snapshot().Where(w => w.State != WorkerState.Ended))
        {
            supervisor.Kill(w.Worker);
        }
    }
}
