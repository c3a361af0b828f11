using System.Reactive.Concurrency;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;

namespace TuiProcManager.Core.Supervision;

public sealed partial class Supervisor
{
    /// <summary>How long shutdown waits, beyond the grace period, for killed workers to be reported as ended.</summary>
    private static readonly TimeSpan ReapAllowance = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Graceful shutdown: terminates every live worker (SIGTERM, grace period, SIGKILL), waits until they
    /// are reported ended, then completes every subscriber's stream after what it has queued.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        Task all = TerminateAllAsync();
        TaskCompletionSource bound = new(TaskCreationOptions.RunContinuationsAsynchronously);
        using (_schedulers.Clock.Schedule(_options.GracePeriod + ReapAllowance, () => bound.TrySetResult()))
        {
            await Task.WhenAny(all, bound.Task).ConfigureAwait(false);
        }

        Shutdown();
    }

    /// <summary>Immediate shutdown: kills every live worker's process group (SIGKILL) and completes the streams.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _pools.StopPools();
            foreach (WorkerRecord w in _workers)
            {
                _signals.SendToGroup(w, ProcessSignal.Kill, "shutdown", SignalCause.Shutdown);
            }
        }

        Shutdown();
    }

    private void Shutdown()
    {
        _pace.Dispose();
        lock (_gate)
        {
            _fanOut.Complete();
        }
    }
}
