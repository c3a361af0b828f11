using Microsoft.Extensions.DependencyInjection;
using TuiProcManager.Core.DependencyInjection;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Linux.DependencyInjection;
using TuiProcManager.Linux.Hosting;
using TuiProcManager.Tui.Hosting;

namespace TuiProcManager.Composition;

/// <summary>The composition root: the one place where the app's services are wired.</summary>
internal static class AppServices
{
    /// <summary>Builds the service provider; dispose it (asynchronously) to stop every worker.</summary>
    public static ServiceProvider Build(Action<SupervisorOptions>? configure = null)
    {
        TuiHost.TerminalInput ??= static () => new TerminalInputWait(); // the UI's input thread sleeps in poll(2) on stdin
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
        ServiceProvider provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        _ = provider.GetRequiredService<LastResortShutdown>();
        return provider;
    }
}
