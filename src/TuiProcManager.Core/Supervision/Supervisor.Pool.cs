using TuiProcManager.Core.Pooling;

namespace TuiProcManager.Core.Supervision;

public sealed partial class Supervisor
{
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
            return _pools.StartPool(request);
        }
    }

    /// <inheritdoc />
    public Task<PoolOutcome> JoinPoolAsync(PoolId pool, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return _pools.WhenPoolFinished(pool, cancellationToken);
        }
    }
}
