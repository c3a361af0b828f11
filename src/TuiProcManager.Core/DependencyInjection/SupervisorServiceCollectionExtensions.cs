using System.Reactive.Concurrency;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Supervision;

namespace TuiProcManager.Core.DependencyInjection;

/// <summary>Registers the supervisor.</summary>
public static class SupervisorServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="Supervisor"/> (a singleton, also as <see cref="ISupervisor"/> for its clients) with its options and schedulers: a dedicated clock thread,
    /// thread-pool delivery and a dedicated launch thread, unless <see cref="SupervisorSchedulers"/> is already registered (tests
    /// register virtual time). Needs an <see cref="Os.IProcessLauncher"/> and an <see cref="Os.IProcessProbe"/>.
    /// </summary>
    public static IServiceCollection AddSupervisor(this IServiceCollection services, Action<SupervisorOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        SupervisorOptions options = new();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton(TimeProvider.System); // every reading of wall-clock time outside the supervisor's clock
        services.TryAddSingleton(_ => MachineFacts.ThisMachine());
        services.TryAddSingleton(_ => new SupervisorSchedulers(
            new ClockThreadScheduler("tuiproc-clock"),
            TaskPoolScheduler.Default,
            new ClockThreadScheduler("tuiproc-launch")));
        services.TryAddSingleton<Supervisor>(); // the owner's view: disposing the provider stops every worker
        services.TryAddSingleton<ISupervisor>(sp => sp.GetRequiredService<Supervisor>()); // the clients'
        return services;
    }
}
