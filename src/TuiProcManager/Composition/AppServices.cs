using Microsoft.Extensions.DependencyInjection;
using TuiProcManager.Core.DependencyInjection;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Linux.DependencyInjection;

namespace TuiProcManager.Composition;

/// <summary>The composition root: the one place where the app's services are wired.</summary>
internal static class AppServices
{
    /// <summary>Builds the service provider; dispose it (asynchronously) to stop every worker.</summary>
    public static ServiceProvider Build(Action<SupervisorOptions>? configure = null)
    {
        ServiceCollection services = new();
        services.AddLinuxProcessControl(o => o.WorkerExecutable = WorkerExecutable.Path);
        services.AddSupervisor(o =>
        {
            o.WorkerExecutable = WorkerExecutable.Path;
            configure?.Invoke(o);
        });
        ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });

        // Last resort for exits that skip the normal shutdown (an unhandled exception, Environment.Exit):
        // kill every worker's process group. After a normal shutdown this is a no-op. SIGKILL of this
        // process is covered by the orphan guard.
        ISupervisor supervisor = provider.GetRequiredService<ISupervisor>();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => supervisor.Dispose();
        AppDomain.CurrentDomain.UnhandledException += (_, _) => supervisor.Dispose();
        return provider;
    }
}
