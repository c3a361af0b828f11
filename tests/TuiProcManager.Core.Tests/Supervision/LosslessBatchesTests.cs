using Microsoft.Reactive.Testing;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Supervision;

/// <summary>LosslessBatches: a snapshot, then every event, in order, none dropped, a batch per delivery.</summary>
public sealed class LosslessBatchesTests
{
    [Fact]
    public void AFloodOfLines_EveryOneArrives_InOrder_AfterTheSnapshot_InOneBatchPerDelivery()
    {
        using SupervisorHarness h = new();
        TestScheduler delivery = new();
        List<IReadOnlyList<SupervisorEvent>> batches = [];
        using IDisposable subscription = h.Supervisor.LosslessBatches("test", delivery).Subscribe(batches.Add);
        h.Supervisor.Spawn(WorkerSpec.Command(["seq", "1", "2000"]));
        for (int from = 1; from <= 2_000; from += 100)
        {
            h.Os.EventsOf(100).OnOutput(OutputChannel.Stdout, [.. Enumerable.Range(from, 100).Select(i => $"line {i}")]);
        }

        delivery.Start();

        SupervisorEvent[] all = [.. batches.SelectMany(b => b)];
        Assert.IsType<SupervisorSnapshot>(all[0]);
        Assert.Equal(Enumerable.Range(1, 2_000).Select(i => $"line {i}"), all.OfType<OutputLine>().Select(l => l.Text));
        Assert.DoesNotContain(all, e => e is EventsDropped);
        Assert.Equal(all.Select(e => e.Sequence).Order(), all.Select(e => e.Sequence));
        Assert.True(batches.Count < 10, $"{batches.Count} batches for {all.Length} events, all waiting at one delivery");
    }
}
