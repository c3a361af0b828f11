namespace TuiProcManager.Linux.Tests.TestSupport;

/// <summary>
/// Tests that must have the test host to themselves. An unmarked stray (its environment cleared, a
/// session of its own) cannot be told apart by supervisor: any supervisor in the process may end and
/// report it once no worker runs. The app has one supervisor; the test host runs many side by side.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AloneInTheProcess
{
    public const string Name = "alone in the process";
}
