using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Tests.TestSupport;

/// <summary>What the supervisor under a <see cref="Screen"/> did, read from the events it published.</summary>
internal static class Published
{
    /// <summary>The workers sent <paramref name="signal"/> at a client's request (a key), in the order sent.</summary>
    public static WorkerId[] Requested(this SupervisorHarness harness, ProcessSignal signal) =>
        [.. harness.Of<SignalSent>().Where(e => e.Signal == signal && e.Cause == SignalCause.Request).Select(e => e.Worker)];

    /// <summary>Nothing started: the supervisor published no spawned worker and no started pool.</summary>
    public static void AssertNothingStarted(this SupervisorHarness harness)
    {
        Assert.Empty(harness.Of<WorkerSpawned>());
        Assert.Empty(harness.Of<PoolStarted>());
    }
}
