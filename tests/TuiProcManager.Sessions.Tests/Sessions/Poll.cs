namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>Waits for a condition that other threads (the server, the supervisor's) make true, within a bound.</summary>
internal static class Poll
{
    /// <summary>The bound on every wait here: far beyond what any test takes, it only ends a hang.</summary>
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    /// <summary>Returns once <paramref name="condition"/> holds; fails naming <paramref name="what"/> after <see cref="Bound"/>.</summary>
    public static Task UntilAsync(Func<bool> condition, string what) => UntilAsync(() => Task.FromResult(condition()), what);

    /// <inheritdoc cref="UntilAsync(Func{bool}, string)"/>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow + Bound;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting for {what}");
            await Task.Delay(5);
        }
    }

    /// <summary><paramref name="task"/>, failed with a timeout past <see cref="Bound"/>.</summary>
    public static Task<T> Bounded<T>(Task<T> task) => task.WaitAsync(Bound);

    /// <inheritdoc cref="Bounded{T}(Task{T})"/>
    public static Task Bounded(Task task) => task.WaitAsync(Bound);
}
