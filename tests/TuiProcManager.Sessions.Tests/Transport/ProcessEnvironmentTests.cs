namespace TuiProcManager.Sessions.Tests.Transport;

/// <summary>Tests that set process-wide environment variables: they run alone, after every other test.</summary>
[CollectionDefinition(nameof(ProcessEnvironmentTests), DisableParallelization = true)]
public sealed class ProcessEnvironmentTests;
