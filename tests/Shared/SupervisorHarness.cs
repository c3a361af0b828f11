using System.Collections.Immutable;
using System.Reactive.Concurrency;
using Microsoft.Reactive.Testing;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Supervision;

namespace TuiProcManager.Testing;

/// <summary>A supervisor on virtual time over a <see cref="FakeOs"/>, with every event recorded.</summary>
/// <remarks>Delivery is immediate (on the publishing thread), so recorded events are complete as soon as a call returns.</remarks>
internal sealed class SupervisorHarness : IDisposable
{
    private readonly List<SupervisorEvent> _events = [];
    private readonly IDisposable _subscription;

    /// <param name="configure">Changes to the default options.</param>
    /// <param name="delivery">Where the recorded subscription is delivered; at once by default.</param>
    /// <param name="launch">Where workers are started; at once, inside Spawn, by default.</param>
    public SupervisorHarness(Action<SupervisorOptions>? configure = null, IScheduler? delivery = null, IScheduler? launch = null)
    {
        SupervisorOptions options = new() { WorkerExecutable = "/opt/tuiproc-worker" };
        configure?.Invoke(options);
        Supervisor = new Supervisor(Os.Launcher, Os.Probe, new SupervisorSchedulers(Clock, delivery ?? ImmediateScheduler.Instance, launch), options);
        _subscription = Supervisor.Events.Subscribe(e =>
        {
            lock (_events)
            {
                _events.Add(e);
            }
        });
    }

    public FakeOs Os { get; } = new();

    public TestScheduler Clock { get; } = new();

    public Supervisor Supervisor { get; }

    public ImmutableArray<SupervisorEvent> Events
    {
        get
        {
            lock (_events)
            {
                return [.. _events];
            }
        }
    }

    public IEnumerable<T> Of<T>() where T : SupervisorEvent => Events.OfType<T>();

    public void Advance(TimeSpan by) => Clock.AdvanceBy(by.Ticks);

    public void Dispose()
    {
        _subscription.Dispose();
        Supervisor.Dispose();
    }
}
