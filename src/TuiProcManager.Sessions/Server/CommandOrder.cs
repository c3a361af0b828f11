using System.Globalization;
using Grpc.Core;
using TuiProcManager.Protocol;

namespace TuiProcManager.Sessions.Server;

/// <summary>
/// Keeps each client's commands in the order it sent them. HTTP/2 carries every call on a stream of its
/// own and the server runs them side by side, so two quick key presses (p then p, k then 9, the workers
/// named on the command line) could reach the supervisor the other way round. A client that numbers its
/// commands (metadata <see cref="CallHeaders"/>) has command N
/// decided only after command N − 1 was: decided, not finished (a terminate that waits for the worker's
/// end does not hold up the next command). Calls without the headers (a script with grpcio) are decided as
/// they come. Commands of different clients are decided in the order they reach the supervisor's lock.
/// </summary>
/// <remarks>
/// A number that never arrives (a call cancelled before it was sent) holds the next one up for at most
/// <see cref="GapWait"/>. What is kept per client is one number and the calls waiting for their turn;
/// clients not heard from for <see cref="Forget"/> are forgotten.
/// </remarks>
public sealed class CommandOrder
{
    /// <summary>How long a command waits for an earlier one that has not arrived.</summary>
    public static readonly TimeSpan GapWait = TimeSpan.FromSeconds(2);

    /// <summary>How long a silent client's place is kept.</summary>
    private static readonly TimeSpan Forget = TimeSpan.FromMinutes(10);

    private readonly object _gate = new();
    private readonly Dictionary<string, Turns> _clients = [];
    private readonly TimeProvider _time;

    /// <summary>An order on <paramref name="time"/>'s clock.</summary>
    public CommandOrder(TimeProvider time) => _time = time;

    /// <summary>Waits until the call's turn has come; the returned handle ends it (dispose once the command is decided).</summary>
    public Task<IDisposable> TurnAsync(ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return TurnAsync(context.RequestHeaders.GetValue(CallHeaders.Client), context.RequestHeaders.GetValue(CallHeaders.Sequence), context.CancellationToken);
    }

    /// <summary>Waits until command <paramref name="sequence"/> of <paramref name="client"/> may be decided (at once without them).</summary>
    /// <param name="client">The <see cref="CallHeaders.Client"/> header, or null.</param>
    /// <param name="sequence">The <see cref="CallHeaders.Sequence"/> header, or null.</param>
    /// <param name="cancellationToken">The call's end.</param>
    /// <returns>Dispose it once the command is decided: the next one may go.</returns>
    public async Task<IDisposable> TurnAsync(string? client, string? sequence, CancellationToken cancellationToken)
    {
        if (client is null || !long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out long number) || number < 1)
        {
            return Turn.None;
        }

        Task wait;
        lock (_gate)
        {
            ForgetSilentClients();
            if (!_clients.TryGetValue(client, out Turns? turns))
            {
                _clients[client] = turns = new Turns(number);
            }

            turns.HeardAt = _time.GetUtcNow();
            wait = turns.WaitFor(number);
        }

        try
        {
            await wait.WaitAsync(GapWait, _time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // An earlier number never came: this one goes on rather than wait for ever.
        }

        return new Turn(this, client, number);
    }

    private void Done(string client, long sequence)
    {
        lock (_gate)
        {
            if (_clients.TryGetValue(client, out Turns? turns))
            {
                turns.Decided(sequence);
            }
        }
    }

    private void ForgetSilentClients()
    {
        DateTimeOffset now = _time.GetUtcNow();
        foreach (string silent in _clients.Where(c => now - c.Value.HeardAt > Forget && c.Value.Waiting == 0).Select(c => c.Key).ToList())
        {
            _ = _clients.Remove(silent);
        }
    }

    /// <summary>One client's next number and the calls waiting for theirs.</summary>
    private sealed class Turns(long first)
    {
        private readonly Dictionary<long, TaskCompletionSource> _waiting = [];
        private long _next = first;

        public DateTimeOffset HeardAt { get; set; }

        public int Waiting => _waiting.Count;

        public Task WaitFor(long sequence)
        {
            if (sequence <= _next)
            {
                return Task.CompletedTask;
            }

            TaskCompletionSource turn = new(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting[sequence] = turn;
            return turn.Task;
        }

        public void Decided(long sequence)
        {
            _next = Math.Max(_next, sequence + 1);
            foreach (long ready in _waiting.Keys.Where(k => k <= _next).ToList())
            {
                _ = _waiting[ready].TrySetResult();
                _ = _waiting.Remove(ready);
            }
        }
    }

    private sealed class Turn(CommandOrder? order, string client, long sequence) : IDisposable
    {
        public static readonly Turn None = new(null, "", 0);

        private int _done;

        public void Dispose()
        {
            if (order is not null && Interlocked.Exchange(ref _done, 1) == 0)
            {
                order.Done(client, sequence);
            }
        }
    }
}
