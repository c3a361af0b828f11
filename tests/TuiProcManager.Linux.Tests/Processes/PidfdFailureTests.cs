using TuiProcManager.Linux.Processes;

namespace TuiProcManager.Linux.Tests.Processes;

/// <summary>Pins the message that blamed the kernel's version when the fd table was merely full.</summary>
public sealed class PidfdFailureTests
{
    [Fact]
    public void Describe_OutOfFileDescriptors_SaysSoAndPointsAtUlimit_NotAtTheKernel()
    {
        string message = PidfdFailure.Describe(24); // EMFILE

        Assert.Equal("pidfd_open failed: too many open files in this process (see ulimit -n)", message);
    }

    [Fact]
    public void Describe_SystemFileTableFull_SaysSo_NotTheKernel()
    {
        Assert.DoesNotContain("5.4", PidfdFailure.Describe(23), StringComparison.Ordinal); // ENFILE
        Assert.Contains("too many open files", PidfdFailure.Describe(23), StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_NoSuchSyscall_AsksForLinux54()
    {
        Assert.Contains("Linux 5.4 or later", PidfdFailure.Describe(38), StringComparison.Ordinal); // ENOSYS
    }
}
