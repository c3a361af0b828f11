namespace TuiProcManager.Sessions.Tests.Transport;

/// <summary>The bound on every wait in the transport tests: far beyond what any of them takes, it only ends a hang.</summary>
internal static class Bounded
{
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    /// <summary>A token cancelled after <see cref="Wait"/>.</summary>
    public static CancellationToken Token() => new CancellationTokenSource(Wait).Token;
}
