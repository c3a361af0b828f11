using System.Text;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

/// <summary>
/// Pools: long-lived workers that take inputs over their stdin, results back on their results pipe, the
/// dispatch decided by <see cref="PoolRun"/>. Also publishes the results of workers outside any pool.
/// </summary>
/// <remarks>
/// <para>
/// Called with the supervisor's gate held, on whichever thread moves a pool on: a caller (start, stop), the
/// launch thread (a worker that started), the I/O thread (a result, an exit), the clock thread (the state poll
/// that flushes pending inputs). Writing an input never blocks: the stdin pipe is written without blocking and
/// what does not fit waits in the worker's <see cref="WorkerRecord.PendingInput"/>, written on the next result
/// or state poll (the worker empties its pipe as it reads its next input).
/// </para>
/// <para>
/// A pool is joined when every input has an outcome and every one of its workers has ended: once the last
/// result is in, every worker's stdin is closed, and each ends at end of file.
/// </para>
/// </remarks>
/// <param name="events">Where pool events are published.</param>
/// <param name="workers">The worker records.</param>
/// <param name="spawn">Phase one of a spawn (see the supervisor's launch): a new worker for the pool, replacing another if given.
/// It may end the new worker before it returns (the OS refused it), which calls back into <see cref="OnWorkerEnded"/>.</param>
internal sealed class PoolDispatcher(EventPublisher events, WorkerTable workers, Func<WorkerSpec, PoolRun, (WorkerId, string)?, WorkerRecord> spawn)
{
    private readonly List<PoolRun> _pools = []; // index = id - 1
    private readonly Dictionary<PoolId, TaskCompletionSource<PoolOutcome>> _poolEnds = [];
    private readonly List<int> _assigned = []; // reused

    /// <summary>Starts a valid pool: publishes it and starts its workers.</summary>
    public PoolId StartPool(PoolRequest request)
    {
        PoolRun run = new(new PoolId(_pools.Count + 1), request);
        _pools.Add(run);
        _poolEnds[run.Id] = new TaskCompletionSource<PoolOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        PoolStarted started = new(events.NextSequence(), events.Now, run.Id, request, run.Window);
        events.Publish(started);
        int count = started.Workers;
        for (int i = 0; i < count && !run.Stopped; i++)
        {
            StartPoolWorker(run);
        }

        CheckPoolFinished(run);
        return run.Id;
    }

    /// <summary>Completes when the pool is finished and joined.</summary>
    /// <exception cref="ArgumentException">There is no such pool.</exception>
    public Task<PoolOutcome> WhenPoolFinished(PoolId pool, CancellationToken cancellationToken) =>
        _poolEnds.TryGetValue(pool, out TaskCompletionSource<PoolOutcome>? ended)
            ? ended.Task.WaitAsync(cancellationToken)
            : throw new ArgumentException($"There is no pool {pool}.", nameof(pool));

    /// <summary>A pool worker's process started: it gets its first inputs, and says which worker it replaced.</summary>
    public void OnWorkerStarted(WorkerRecord w)
    {
        if (w.Pool is { } run)
        {
            FillPoolWorker(run, w);
            PublishReplacement(w);
            CheckPoolFinished(run); // every input may have an outcome by now: it reads end of file at once
        }
    }

    /// <summary>Once a replacement has started (or failed to): says which worker it replaced.</summary>
    public void PublishReplacement(WorkerRecord w)
    {
        if (w.Replaces is { } replaced && w.Pool is { } run)
        {
            w.Replaces = null;
            events.Publish(new PoolWorkerReplaced(events.NextSequence(), events.Now, replaced.Worker, run.Id, w.IsAlive ? w.Id : null, replaced.Why));
        }
    }

    /// <summary>Writes the inputs that did not fit earlier; called on every state poll.</summary>
    public static void FlushPendingInputs(IEnumerable<WorkerRecord> live)
    {
        foreach (WorkerRecord w in live)
        {
            FlushInput(w);
        }
    }

    /// <summary>One line of a worker's results pipe.</summary>
    public void OnResultLine(WorkerRecord w, string line)
    {
        if (!ResultRecord.TryParse(line, out ResultRecord? record))
        {
            return; // not a record: ours never write one, so there is nothing to show for it
        }

        if (w.Pool is not { } run)
        {
            events.Publish(new ResultRecorded(events.NextSequence(), events.Now, w.Id, record.Kind, record.Input, record.Result, record.Error));
            return;
        }

        if (run.Complete(w.Id, new PoolTask(record.Kind, record.Input), record.Result is not null) is not { } index)
        {
            return; // not the input it was given: not a result of this pool
        }

        events.Publish(new ResultRecorded(events.NextSequence(), events.Now, w.Id, record.Kind, record.Input, record.Result, record.Error, run.Id, index));
        FillPoolWorker(run, w);
        CheckPoolFinished(run);
    }

    /// <summary>A pool worker ended: its input in flight failed, and another worker takes over.</summary>
    public void OnWorkerEnded(PoolRun run, WorkerRecord w, WorkerExit exit)
    {
        w.PendingInput.SetLength(0);
        if (run.WorkerEnded(w.Id) is { } index)
        {
            PoolTask task = run.Request.Tasks[index];
            events.Publish(new ResultRecorded(
                events.NextSequence(), events.Now, w.Id, task.Kind, task.Input, null, $"worker {w.Id} {exit} while computing it", run.Id, index));
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

    /// <summary>Stops every pool from handing out inputs or replacing workers (terminate all, kill all, shutdown).</summary>
    public void StopPools()
    {
        foreach (PoolRun run in _pools.Where(r => !r.Stopped))
        {
            run.GiveUp();
            CheckPoolFinished(run);
        }
    }

    /// <summary>Starts one worker for <paramref name="run"/> (replacing another, if given); it gets its first inputs once it has started.</summary>
    private void StartPoolWorker(PoolRun run, (WorkerId, string)? replaces = null) =>
        spawn(WorkerSpec.PoolWorker(run.Id, run.Request.Workload), run, replaces);

    /// <summary>Gives <paramref name="w"/> inputs up to the window, and writes what it can.</summary>
    private void FillPoolWorker(PoolRun run, WorkerRecord w)
    {
        run.Fill(w.Id, _assigned);
        foreach (int index in _assigned)
        {
            w.PendingInput.Write(Encoding.UTF8.GetBytes(run.Request.Tasks[index].Line + "\n"));
            events.Publish(new PoolTaskAssigned(events.NextSequence(), events.Now, w.Id, run.Id, index));
        }

        _assigned.Clear();
        FlushInput(w);
    }

    /// <summary>Writes what the worker's stdin pipe takes now; the rest waits.</summary>
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

    /// <summary>Closes the pool once every input has an outcome, and reports it joined once its workers are gone.</summary>
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
                workers.Record(id).Handle?.CloseInput(); // end of file: each worker finishes and exits 0
            }

            return;
        }

        if (_poolEnds.TryGetValue(run.Id, out TaskCompletionSource<PoolOutcome>? ended) && ended.TrySetResult(run.Outcome))
        {
            events.Publish(new PoolFinished(events.NextSequence(), events.Now, run.Id, run.Outcome));
        }
    }
}
