using Microsoft.Extensions.DependencyInjection;
using TuiProcManager.Core.DependencyInjection;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Linux.DependencyInjection;

namespace TuiProcManager.Composition;

/// <summary>The composition root: the one place where the app's services are wired.</summary>
internal static class AppServices
{
    /// <summary>Builds the service provider; dispose it (asynchronously) to stop every worker.</summary>
    public static ServiceProvider Build(Action<SupervisorOptions>? configure = null)
    {
        ServiceProvider provider = Register(configure).BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _ = provider.GetRequiredService<LastResortShutdown>();
        return provider;
    }

    /// <summary>
    /// What the command line needs before anything starts, from the same registrations as <see cref="Build"/>.
    /// Only stateless singletons are resolved: nothing that starts a thread or a process (the supervisor,
    /// the launcher) is created, and the provider is dropped at once.
    /// </summary>
    public static CommandLineServices CommandLine()
    {
        using ServiceProvider provider = Register(configure: null).BuildServiceProvider();
        return new CommandLineServices(
            provider.GetRequiredService<IExecutableResolver>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<MachineFacts>());
    }

    private static ServiceCollection Register(Action<SupervisorOptions>? configure)
    {
        ServiceCollection services = new();
        services.AddLinuxProcessControl(o =>
        {
            o.WorkerExecutable = WorkerExecutable.Path;
            o.WorkerName = WorkerExecutable.Name;
        });
        services.AddSupervisor(o =>
        {
            o.WorkerExecutable = WorkerExecutable.Path;
            configure?.Invoke(o);
        });
        services.AddSingleton<LastResortShutdown>();
        return services;
    }
}
