namespace TuiProcManager.Core.Tests.TestSupport;

/// <summary>Waits for a condition that other threads make true, within a bound: a wait that cannot hang.</summary>
internal static class Eventually
{
    /// <summary>The default bound: far beyond what a loaded CI machine needs, short of a hang.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    /// <summary>Returns once <paramref name="condition"/> holds; fails naming <paramref name="what"/> after <paramref name="within"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, string what, TimeSpan? within = null)
    {
        DateTime deadline = DateTime.UtcNow + (within ?? Bound);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(1);
        }
    }
}
