using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

public sealed partial class Supervisor
{
    /// <inheritdoc />
    public async Task<WorkerExit?> JoinAsync(WorkerId worker, TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        if (timeout is { } t)
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(t, TimeSpan.Zero, nameof(timeout));
        }

        Task<WorkerExit> ended;
        lock (_gate)
        {
            WorkerRecord w = _workers.Record(worker);
            ended = w.Ended.Task;
            OnceLaunched(w, () => _events.Publish(new JoinStarted(_events.NextSequence(), Now, worker, timeout)));
        }

        JoinOutcome outcome = await WaitAsync(ended, timeout, cancellationToken).ConfigureAwait(false);
        WorkerExit? exit = outcome == JoinOutcome.Ended ? await ended.ConfigureAwait(false) : null;
        lock (_gate)
        {
            WorkerRecord w = _workers.Record(worker);
            w.Joined |= exit is not null;
            OnceLaunched(w, () => _events.Publish(new WorkerJoined(_events.NextSequence(), Now, worker, outcome, exit)));
        }

        cancellationToken.ThrowIfCancellationRequested();
        return exit;
    }

    /// <inheritdoc />
    public async Task<bool> JoinAllAsync(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
    {
        List<WorkerId> all;
        lock (_gate)
        {
            all = [.. _workers.Select(w => w.Id)];
        }

        WorkerExit?[] exits = await Task.WhenAll(all.Select(id => JoinAsync(id, timeout, cancellationToken))).ConfigureAwait(false);
        return exits.All(e => e is not null);
    }

    /// <summary>Waits for <paramref name="ended"/>, a timeout on the clock scheduler, or cancellation, whichever comes first.</summary>
    private async Task<JoinOutcome> WaitAsync(Task ended, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        if (ended.IsCompleted)
        {
            return JoinOutcome.Ended;
        }

        TaskCompletionSource<JoinOutcome> gaveUp = new(TaskCreationOptions.RunContinuationsAsynchronously);
        using IDisposable timer = timeout is { } t
            ? _schedulers.Clock.Schedule(t, () => gaveUp.TrySetResult(JoinOutcome.TimedOut))
            : Disposable.Empty;
        using CancellationTokenRegistration registration = cancellationToken.Register(() => gaveUp.TrySetResult(JoinOutcome.Cancelled));
        Task first = await Task.WhenAny(ended, gaveUp.Task).ConfigureAwait(false);
        return first == ended ? JoinOutcome.Ended : await gaveUp.Task.ConfigureAwait(false);
    }
}
