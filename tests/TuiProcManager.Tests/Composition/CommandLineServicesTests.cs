using TuiProcManager.Composition;
using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Processes;

namespace TuiProcManager.Tests.Composition;

/// <summary>The command line's services come from the app's registrations (Linux's resolver, the system clock, this machine).</summary>
public sealed class CommandLineServicesTests
{
    [Fact]
    public void CommandLine_GivesTheRegisteredServices()
    {
        CommandLineServices services = AppServices.CommandLine();

        Assert.Same(ExecutableResolver.Instance, services.Resolver);
        Assert.Same(TimeProvider.System, services.Clock);
        Assert.Equal(MachineFacts.ThisMachine(), services.Machine);
    }
}
