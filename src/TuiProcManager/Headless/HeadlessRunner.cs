using System.Globalization;
using System.Reactive.Disposables;
using TuiProcManager.CommandLine;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Headless;

/// <summary>
/// <c>tuiproc run</c>: the lesson's program. Starts every worker at once, prints their lines as they
/// arrive, joins them all, prints <c>Done!</c>.
/// </summary>
/// <remarks>
/// Exit codes (see <see cref="ExitCodes"/>): 0 when every worker exited 0, 1 otherwise, 124 when
/// <c>--timeout</c> expired, 128+N when signal N arrived. On a timeout or a signal every live worker is
/// terminated (SIGTERM, grace period, SIGKILL) before we exit; a second signal kills them at once.
/// </remarks>
internal sealed class HeadlessRunner(ISupervisor supervisor, TextWriter stdout, TextWriter stderr, ConsoleSafety safety)
{
    /// <summary>Print the run's <see cref="RunSummary"/> after <c>Done!</c>.</summary>
    public bool PrintSummary { get; init; }

    public async Task<int> RunAsync(IReadOnlyList<WorkerSpec> specs, TimeSpan? timeout, string? eventsPath)
    {
        EventLogWriter? log = null;
        if (eventsPath is not null && !EventLogWriter.TryOpen(eventsPath, out log, out string? error))
        {
            await stderr.WriteLineAsync("tuiproc: " + error).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        using EventLogWriter? closeLog = log;
        using TerminationSignals signals = new(KillAll);
        ConsolePrinter printer = new(stdout, stderr, safety);

        // Subscribed before the first spawn, so that nothing a worker does is missed.
        using IDisposable printing = printer.Attach(supervisor.EventsWithSnapshot); // the snapshot tells the summary the mode
        using IDisposable logging = log?.Attach(supervisor.Events) ?? Disposable.Empty;
        foreach (WorkerSpec spec in specs)
        {
            supervisor.Spawn(spec);
        }

        printer.Expect(specs.Count);
        int code = await JoinAsync(timeout, signals).ConfigureAwait(false);

        // Every end printed means every line printed: a worker's lines precede its end in the stream.
        await printer.AllEnded.ConfigureAwait(false);
        if (code == ExitCodes.Success)
        {
            await stdout.WriteLineAsync("Done!").ConfigureAwait(false);
            code = supervisor.Snapshot().All(w => w.Exit?.Succeeded == true) ? ExitCodes.Success : ExitCodes.Failure;
        }

        if (PrintSummary && printer.Summary.Build(Environment.ProcessorCount) is { } summary)
        {
            foreach (string line in summary.ToLines())
            {
                await stdout.WriteLineAsync(line).ConfigureAwait(false);
            }
        }

        await stdout.FlushAsync().ConfigureAwait(false);
        await supervisor.DisposeAsync().ConfigureAwait(false); // completes the stream: the log gets all of it
        if (log is not null)
        {
            await log.Completion.ConfigureAwait(false);
        }

        return code;
    }

    /// <summary>Joins every worker; on a timeout or a signal, terminates the ones still alive.</summary>
    private async Task<int> JoinAsync(TimeSpan? timeout, TerminationSignals signals)
    {
        string why;
        int code;
        try
        {
            if (await supervisor.JoinAllAsync(timeout, signals.Token).ConfigureAwait(false))
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
