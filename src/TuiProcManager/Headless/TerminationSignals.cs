using System.Runtime.InteropServices;

namespace TuiProcManager.Headless;

/// <summary>
/// Turns SIGINT (Ctrl+C), SIGTERM and SIGHUP (the SSH connection dropped) into a cancellation, so that
/// workers are stopped before we exit; a second signal asks to hurry (kill instead of waiting).
/// </summary>
internal sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private readonly Action<int> _hurry;
    private int _signal;

    /// <param name="hurry">Called with a later signal's number (any thread): stop faster.</param>
    public TerminationSignals(Action<int> hurry)
    {
        _hurry = hurry;
        foreach (PosixSignal signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, context =>
            {
                context.Cancel = true; // we exit ourselves, once the workers are stopped
                Raise(context.Signal switch
                {
                    PosixSignal.SIGINT => 2,
                    PosixSignal.SIGTERM => 15,
                    _ => 1,
                });
            }));
        }
    }

    /// <summary>Cancelled at the first signal.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>The first signal's number (2, 15 or 1), or 0.</summary>
    public int Signal => Volatile.Read(ref _signal);

    public void Dispose()
    {
        foreach (PosixSignalRegistration r in _registrations)
        {
            r.Dispose();
        }

        _cancel.Dispose();
    }

    /// <summary>
    /// Acts as if signal <paramref name="number"/> (2, 15 or 1) had arrived: how the UI turns Ctrl+C (a key
    /// in raw mode, where the terminal sends no SIGINT) and a terminal that hung up into the same shutdown.
    /// </summary>
    /// <remarks>
    /// Runs the token's callbacks on the caller's thread (SIGINT and SIGTERM come on a thread of their own
    /// from the runtime, SIGHUP on a thread-pool thread): every callback registered must return at once.
    /// </remarks>
    public void Raise(int number)
    {
        if (Interlocked.CompareExchange(ref _signal, number, 0) == 0)
        {
            _cancel.Cancel();
        }
        else
        {
            _hurry(number);
        }
    }
}
