using System.Reactive.Concurrency;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Streaming;
using TuiProcManager.Core.Supervision;

namespace TuiProcManager.Tui.Hosting;

// Design: docs/decisions/0004-backpressure-and-delivery.md
/// <summary>
/// The screen's subscription to the supervisor: batches as the supervisor paces and bounds them for a screen
/// (<see cref="ISupervisor.ScreenBatches"/>: a window per batch, one batch in flight, the oldest output dropped
/// and counted past the bound), applied on the UI thread. It has no queue and no drop policy of its own.
/// </summary>
/// <remarks>
/// A failed stream means the supervisor itself broke (a crashed worker is an event, not an error): the panels
/// stop changing from then on, so it is said in the header, with its message, and the exception is kept
/// (<see cref="Failure"/>), never swallowed.
/// </remarks>
internal sealed class ScreenFeed : IDisposable
{
    private readonly IDisposable _subscription;

    /// <param name="supervisor">Whose events.</param>
    /// <param name="pacing">The window and the bound (<see cref="ScreenPacing.Default"/> in the app).</param>
    /// <param name="ui">The UI thread: batches, the failure and the end are delivered there.</param>
    /// <param name="apply">Takes a batch, on the UI thread.</param>
    /// <param name="sayProblem">Says a problem in the header, on the UI thread.</param>
    /// <param name="ended">Called on the UI thread when the stream ends (a session ended by another client); null: nothing to do.</param>
    /// <param name="describe">Words for a failure; <see cref="Describe"/> by default.</param>
    public ScreenFeed(
        ISupervisor supervisor, ScreenPacing pacing, IScheduler ui, Action<IList<SupervisorEvent>> apply, Action<string> sayProblem,
        Action? ended = null, Func<Exception, string>? describe = null)
    {
        _subscription = supervisor.ScreenBatches(pacing, ui).Subscribe(
            apply,
            error =>
            {
                Failure = error;
                sayProblem((describe ?? Describe)(error));
            },
            () => ended?.Invoke());
    }

    /// <summary>Why the supervisor's stream failed, whole (its stack included); null while it has not.</summary>
    public Exception? Failure { get; private set; }

    /// <summary>What the header says when the supervisor's stream failed.</summary>
    public static string Describe(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return $"the supervisor failed ({error.GetType().Name}: {error.Message}); the panels no longer change";
    }

    public void Dispose() => _subscription.Dispose();
}
