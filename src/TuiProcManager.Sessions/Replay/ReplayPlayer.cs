using System.Reactive.Concurrency;
using TuiProcManager.Core.Events;
using TuiProcManager.Sessions.Recording;

namespace TuiProcManager.Sessions.Replay;

/// <summary>
/// One subscription to a <see cref="ReplaySupervisor"/>: a thread that reads the recording and hands the
/// events that have come due on the <see cref="ReplayClock"/> to the observer. Disposing it stops the thread
/// (at its next wake-up, at most one window later) and delivers nothing more.
/// </summary>
/// <remarks>
/// The thread sleeps until the next event is due (at the clock's speed), a window at least, so that a
/// batch gathers what a window brings, as a live screen's does; and it wakes at once when the clock is
/// moved. Paused, or at the end, it sleeps until the clock is moved. Reading ahead is one event: the next.
/// </remarks>
internal sealed class ReplayPlayer(
    RecordingReader reader, ReplayClock clock, IObserver<IList<SupervisorEvent>> observer, IScheduler delivery, TimeSpan window, int maxBatch) : IDisposable
{
    /// <summary>The longest sleep while events are due later: a speed changed meanwhile wakes it anyway.</summary>
    private static readonly TimeSpan LongestSleep = TimeSpan.FromSeconds(1);

    /// <summary>Allocated since the last collection that makes one worth its milliseconds before a moment is built.</summary>
    private const long GarbageWorthCollecting = 4L * 1024 * 1024;

    private readonly CancellationTokenSource _stop = new();
    private long _allocatedAtCollection = long.MinValue / 2; // so that the first moment collects what the open left
    private readonly SemaphoreSlim _wake = new(0);

    public void Start()
    {
        clock.Changed += Wake;
        Thread thread = new(Run) { IsBackground = true, Name = "tuiproc replay" };
        thread.Start();
    }

    public void Dispose()
    {
        clock.Changed -= Wake;
        _stop.Cancel(); // the thread ends at its next wake-up; the semaphore and the source go with it (not disposed: it may still wait on them)
        Wake();
    }

    private void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            _wake.Release();
        }
    }

    private void Run()
    {
        CancellationToken stop = _stop.Token;
        int generation = int.MinValue;
        IEnumerator<SupervisorEvent>? next = null;
        SupervisorEvent? pending = null;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (generation != clock.Generation || next is null)
                {
                    // A seek, the start, or too much at once: the moment the clock shows, whole.
                    generation = clock.Generation;
                    if (GC.GetTotalAllocatedBytes() - _allocatedAtCollection > GarbageWorthCollecting)
                    {
                        LetGoOfTheOldMoment(); // what playing left since (after a seek, the collection below did it)
                    }

                    RecordedMoment moment = reader.HistoryAt(clock.Now);
                    next?.Dispose();
                    next = reader.EventsAfter(moment.Sequence).GetEnumerator();
                    pending = null;
                    if (!Deliver(moment.History as IList<SupervisorEvent> ?? [.. moment.History], stop)) // a List: not copied
                    {
                        return;
                    }

                    if (!UntilTheScreenHasTurned(stop))
                    {
                        return;
                    }

                    LetGoOfTheOldMoment(); // the screen's models of the moment before, and the building's garbage
                    continue;
                }

                DateTimeOffset now = clock.Now;
                List<SupervisorEvent> batch = [];
                while ((pending ??= next.MoveNext() ? next.Current : null) is { } e && e.Time <= now && batch.Count <= maxBatch)
                {
                    batch.Add(e);
                    pending = null;
                }

                if (batch.Count > maxBatch)
                {
                    next.Dispose();
                    next = null; // more than a screen takes: the moment instead, next turn
                    continue;
                }

                if (batch.Count > 0 && !Deliver(batch, stop))
                {
                    return;
                }

                _ = _wake.Wait(Sleep(pending, now), stop);
            }
        }
        catch (OperationCanceledException)
        {
            // disposed
        }
        catch (Exception) when (stop.IsCancellationRequested)
        {
            // Disposed while it was reading or handing over: the screen may be gone with its scheduler
            // (Terminal.Gui's Invoke throws once the application is disposed). Nothing is owed to it.
        }
        catch (Exception e)
        {
            // A bug, never a bad file (the reader reads up to damage and says it): the screen must say it.
            delivery.Schedule(() => observer.OnError(e));
        }
        finally
        {
            next?.Dispose();
        }
    }

    /// <summary>
    /// A seek replaces the whole screen: every panel's models of the moment before, a few MiB, become garbage
    /// at once, and building the new moment allocates 11-17 MiB to keep 4 (the benchmark's moments of 22,500
    /// events: what <see cref="BatchDecoder"/> makes, then the events a bounded history drops). Left to the GC,
    /// that piled up in the older generations across a run of seeks: the native replay's peak was 87-100 MiB
    /// against 35 at rest. So: one full, compacting, decommitting collection once the new moment is on screen,
    /// and one before a moment is built when more than <see cref="GarbageWorthCollecting"/> was allocated
    /// since (playing, or the open). With the decoder, the peak is 57-58 MiB (the recording benchmark, README).
    /// Costs 2-19 ms (a trace, before the decoder), blocking, with a heap of about 10 MiB, only when a moment is sent whole (a seek, or more
    /// come due at once than a screen takes), never while events play on.
    /// </summary>
    private void LetGoOfTheOldMoment()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        _allocatedAtCollection = GC.GetTotalAllocatedBytes();
    }

    /// <summary>
    /// Waits for the delivery scheduler's next turn: on the UI's, the next iteration of its loop, which comes
    /// after the one that folded the moment has drawn it, so that the collection after a seek does not hold
    /// up the seek on screen (measured: seek median 145-156 ms with it first, 112-129 after). False when disposed meanwhile.
    /// </summary>
    private bool UntilTheScreenHasTurned(CancellationToken stop)
    {
        if (stop.IsCancellationRequested)
        {
            return false;
        }

        TaskCompletionSource turned = new(TaskCreationOptions.RunContinuationsAsynchronously);
        delivery.Schedule(() => turned.TrySetResult());
        turned.Task.Wait(stop);
        return !stop.IsCancellationRequested;
    }

    /// <summary>How long to sleep: until <paramref name="pending"/> is due at the clock's speed (a window at least), or until woken.</summary>
    private TimeSpan Sleep(SupervisorEvent? pending, DateTimeOffset now)
    {
        if (pending is null || clock.Paused || clock.AtEnd)
        {
            return Timeout.InfiniteTimeSpan;
        }

        TimeSpan due = TimeSpan.FromTicks((long)((pending.Time - now).Ticks / clock.Speed));
        return due < window ? window : due > LongestSleep ? LongestSleep : due;
    }

    /// <summary>Hands <paramref name="batch"/> to the observer on the delivery scheduler and waits until it has returned; false when disposed meanwhile.</summary>
    private bool Deliver(IList<SupervisorEvent> batch, CancellationToken stop)
    {
        if (stop.IsCancellationRequested)
        {
            return false; // disposed: the screen may be gone
        }

        TaskCompletionSource delivered = new(TaskCreationOptions.RunContinuationsAsynchronously); // not disposable: it may be set after a dispose
        delivery.Schedule(() =>
        {
            try
            {
                if (!stop.IsCancellationRequested)
                {
                    observer.OnNext(batch);
                }
            }
            finally
            {
                delivered.TrySetResult();
            }
        });
        delivered.Task.Wait(stop);
        return !stop.IsCancellationRequested;
    }
}
