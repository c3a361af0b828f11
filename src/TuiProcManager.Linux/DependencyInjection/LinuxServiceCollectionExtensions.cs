using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Processes;
using TuiProcManager.Linux.Proc;

namespace TuiProcManager.Linux.DependencyInjection;

/// <summary>Registers the Linux implementations of Core's OS interfaces.</summary>
public static class LinuxServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="IProcessLauncher"/> (posix_spawn and the fork server, an epoll I/O thread, the
    /// orphan guard) and
    /// <see cref="IProcessProbe"/> (/proc), all singletons.
    /// </summary>
    /// <exception cref="ArgumentException"><see cref="LinuxProcessOptions.WorkerExecutable"/> is not set.</exception>
    public static IServiceCollection AddLinuxProcessControl(this IServiceCollection services, Action<LinuxProcessOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        LinuxProcessOptions options = new();
        configure?.Invoke(options);
        if (string.IsNullOrEmpty(options.WorkerExecutable))
        {
            throw new ArgumentException("LinuxProcessOptions.WorkerExecutable must name tuiproc-worker.", nameof(configure));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLineBytes, 1024, nameof(options.MaxLineBytes));
        services.TryAddSingleton(options);
        services.TryAddSingleton<IoLoop>();
        services.TryAddSingleton<OrphanGuard>();
        services.TryAddSingleton<ForkServer>();
        services.TryAddSingleton<IProcessLauncher, LinuxProcessLauncher>();
        services.TryAddSingleton<IProcessProbe, UnchangedProcessProbe>(); // ProcFsProbe, reading again only what has run
        services.TryAddSingleton<IExecutableResolver>(ExecutableResolver.Instance);
        return services;
    }
}
