using System.Text;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

/// <summary>
/// Pools: long-lived workers that take inputs over their stdin, results back on their results pipe, the
/// dispatch decided by <see cref="PoolRun"/>.
/// </summary>
/// <remarks>
/// <para>
/// Everything runs under the gate, on whichever thread reported what moves the pool on: the caller
/// (start), the I/O thread (a result, an exit). Writing an input never blocks: the stdin pipe is written
/// without blocking and what does not fit waits in the worker's <see cref="WorkerRecord.PendingInput"/>,
/// written on the next result or state poll (the worker empties its pipe as it reads its next input).
/// </para>
/// <para>
/// A pool is joined when every input has an outcome and every one of its workers has ended: once the last
/// result is in, every worker's stdin is closed, and each ends at end of file.
/// </para>
/// </remarks>
public sealed partial class Supervisor
{
    private readonly List<PoolRun> _pools = []; // index = id - 1
    private readonly Dictionary<PoolId, TaskCompletionSource<PoolOutcome>> _poolEnds = [];
    private readonly List<int> _assigned = []; // reused; under the gate

    /// <summary>See <see cref="ISupervisor.StartPoolAsync"/>; the decision itself.</summary>
    /// <exception cref="ArgumentException">The request is not valid (<see cref="PoolRequest.Problem"/>).</exception>
    /// <exception cref="ObjectDisposedException">The supervisor is shutting down.</exception>
    public PoolId StartPool(PoolRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Problem() is { } problem)
        {
            throw new ArgumentException(problem, nameof(request));
        }

        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            PoolRun run = new(new PoolId(_pools.Count + 1), request);
            _pools.Add(run);
            _poolEnds[run.Id] = new TaskCompletionSource<PoolOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
            PoolStarted started = new(_events.NextSequence(), Now, run.Id, request, run.Window);
            _events.Publish(started);
            int workers = started.Workers;
            for (int i = 0; i < workers && !run.Stopped; i++)
            {
                StartPoolWorker(run);
            }

            CheckPoolFinished(run);
            return run.Id;
        }
    }

    /// <inheritdoc />
    public Task<PoolOutcome> JoinPoolAsync(PoolId pool, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _poolEnds.TryGetValue(pool, out TaskCompletionSource<PoolOutcome>? ended)
                ? ended.Task.WaitAsync(cancellationToken)
                : throw new ArgumentException($"There is no pool {pool}.", nameof(pool));
        }
    }

    /// <summary>
    /// Starts one worker for <paramref name="run"/> (replacing another, if given); it gets its first inputs
    /// once it has started (<see cref="Launched"/>). Caller holds the gate.
    /// </summary>
    private void StartPoolWorker(PoolRun run, (WorkerId, string)? replaces = null) =>
        SpawnLocked(WorkerSpec.PoolWorker(run.Id, run.Request.Workload), run, replaces);

    /// <summary>Once a replacement has started (or failed to): says which worker it replaced. Caller holds the gate.</summary>
    private void PublishReplacement(WorkerRecord w)
    {
        if (w.Replaces is { } replaced && w.Pool is { } run)
        {
            w.Replaces = null;
            _events.Publish(new PoolWorkerReplaced(_events.NextSequence(), Now, replaced.Worker, run.Id, w.IsAlive ? w.Id : null, replaced.Why));
        }
    }

    /// <summary>Gives <paramref name="w"/> inputs up to the window, and writes what it can. Caller holds the gate.</summary>
    private void FillPoolWorker(PoolRun run, WorkerRecord w)
    {
        run.Fill(w.Id, _assigned);
        foreach (int index in _assigned)
        {
            w.PendingInput.Write(Encoding.UTF8.GetBytes(run.Request.Tasks[index].Line + "\n"));
            _events.Publish(new PoolTaskAssigned(_events.NextSequence(), Now, w.Id, run.Id, index));
        }

        _assigned.Clear();
        FlushInput(w);
    }

    /// <summary>Writes what the worker's stdin pipe takes now; the rest waits. Caller holds the gate.</summary>
    private static void FlushInput(WorkerRecord w)
    {
        MemoryStream pending = w.PendingInput;
        if (pending.Length == 0 || w.Handle is not { } handle)
        {
            return;
        }

        ReadOnlyMemory<byte> bytes = pending.GetBuffer().AsMemory(0, (int)pending.Length);
        int written = 0;
        while (written < bytes.Length)
        {
            int n = handle.WriteInput(bytes[written..]);
            if (n <= 0)
            {
                break; // full (written later), or gone (its end is on the way)
            }

            written += n;
        }

        if (written == bytes.Length)
        {
            pending.SetLength(0);
        }
        else if (written > 0)
        {
            byte[] rest = bytes[written..].ToArray();
            pending.SetLength(0);
            pending.Write(rest);
        }
    }

    /// <summary>Writes the inputs that did not fit earlier; called on every state poll. Caller holds the gate.</summary>
    private void FlushPendingInputs()
    {
        foreach (WorkerRecord w in _workers.Live)
        {
            FlushInput(w);
        }
    }

    /// <summary>One line of a worker's results pipe. Caller holds the gate.</summary>
    private void OnResultLine(WorkerRecord w, string line)
    {
        if (!ResultRecord.TryParse(line, out ResultRecord? record))
        {
            return; // not a record: ours never write one, so there is nothing to show for it
        }

        if (w.Pool is not { } run)
        {
            _events.Publish(new ResultRecorded(_events.NextSequence(), Now, w.Id, record.Kind, record.Input, record.Result, record.Error));
            return;
        }

        if (run.Complete(w.Id, new PoolTask(record.Kind, record.Input), record.Result is not null) is not { } index)
        {
            return; // not the input it was given: not a result of this pool
        }

        _events.Publish(new ResultRecorded(_events.NextSequence(), Now, w.Id, record.Kind, record.Input, record.Result, record.Error, run.Id, index));
        FillPoolWorker(run, w);
        CheckPoolFinished(run);
    }

    /// <summary>A pool worker ended: its input in flight failed, and another worker takes over. Caller holds the gate.</summary>
    private void OnPoolWorkerEnded(PoolRun run, WorkerRecord w, WorkerExit exit)
    {
        w.PendingInput.SetLength(0);
        if (run.WorkerEnded(w.Id) is { } index)
        {
            PoolTask task = run.Request.Tasks[index];
            _events.Publish(new ResultRecorded(_events.NextSequence(), Now, w.Id, task.Kind, task.Input, null, $"worker {w.Id} {exit} while computing it", run.Id, index));
        }

        if (exit.Kind == ExitKind.FailedToStart)
        {
            // A worker the OS refused: whoever tried to start it decides what next. With no worker left
            // the pool gives up (Python's Pool would wait forever here).
            if (run.Workers.Count == 0)
            {
                run.GiveUp();
            }
        }
        else if (run.NeedsWorkers)
        {
            StartPoolWorker(run, (w.Id, exit.ToString()));
        }

        CheckPoolFinished(run);
    }

    /// <summary>Closes the pool once every input has an outcome, and reports it joined once its workers are gone. Caller holds the gate.</summary>
    private void CheckPoolFinished(PoolRun run)
    {
        if (!run.AllDone)
        {
            return;
        }

        if (run.Workers.Count > 0)
        {
            foreach (WorkerId id in run.Workers)
            {
                _workers.Record(id).Handle?.CloseInput(); // end of file: each worker finishes and exits 0
            }

            return;
        }

        if (_poolEnds.TryGetValue(run.Id, out TaskCompletionSource<PoolOutcome>? ended) && ended.TrySetResult(run.Outcome))
        {
            _events.Publish(new PoolFinished(_events.NextSequence(), Now, run.Id, run.Outcome));
        }
    }

    /// <summary>Stops every pool from handing out inputs or replacing workers (terminate all, shutdown). Caller holds the gate.</summary>
    private void StopPools()
    {
        foreach (PoolRun run in _pools.Where(r => !r.Stopped))
        {
            run.GiveUp();
            CheckPoolFinished(run);
        }
    }
}
