using TuiProcManager.Core.Events;

namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>
/// Records what a client's stream delivers, from any thread: events one by one or in batches (each batch
/// also kept as a batch), and how the stream ended.
/// </summary>
/// <param name="beforeEach">Runs before each event is recorded, with how many came before it: a slow client.</param>
internal sealed class EventRecorder(Action<int>? beforeEach = null) : IObserver<SupervisorEvent>, IObserver<IList<SupervisorEvent>>
{
    private readonly Lock _gate = new();
    private readonly List<SupervisorEvent> _events = [];
    private readonly List<IReadOnlyList<SupervisorEvent>> _batches = [];
    private readonly TaskCompletionSource<Exception?> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _endings;

    /// <summary>Every event so far, in order.</summary>
    public IReadOnlyList<SupervisorEvent> Events
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Every batch so far, in order (streams of batches only).</summary>
    public IReadOnlyList<IReadOnlyList<SupervisorEvent>> Batches
    {
        get
        {
            lock (_gate)
            {
                return [.. _batches];
            }
        }
    }

    /// <summary>Completes with null on OnCompleted, with the error on OnError.</summary>
    public Task<Exception?> Ended => _ended.Task;

    /// <summary>The output lines recorded so far, in order.</summary>
    public IReadOnlyList<OutputLine> Lines => [.. Events.OfType<OutputLine>()];

    public void OnNext(SupervisorEvent value)
    {
        int before;
        lock (_gate)
        {
            before = _events.Count;
        }

        beforeEach?.Invoke(before);
        lock (_gate)
        {
            _events.Add(value);
        }
    }

    public void OnNext(IList<SupervisorEvent> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            _batches.Add([.. value]);
            _events.AddRange(value);
        }
    }

    /// <summary>How many times the stream ended (OnError or OnCompleted): more than once breaks Rx's grammar.</summary>
    public int Endings => Volatile.Read(ref _endings);

    public void OnError(Exception error)
    {
        Interlocked.Increment(ref _endings);
        _ended.TrySetResult(error);
    }

    public void OnCompleted()
    {
        Interlocked.Increment(ref _endings);
        _ended.TrySetResult(null);
    }
}
