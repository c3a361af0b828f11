using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Controllers;

/// <summary>
/// The questions a key may ask before it acts, each a modal dialog on screen: null (or false) when the user
/// cancelled. Each call returns when its dialog has closed.
/// </summary>
internal interface IDialogs
{
    /// <summary>s, c: a square or cube worker's number and workload.</summary>
    WorkerSpec? AskWorker(WorkerKind kind);

    /// <summary>x: a command line, split into an argument vector and checked.</summary>
    WorkerSpec? AskCommand();

    /// <summary>m: a pool's inputs, size and workload.</summary>
    PoolRequest? AskPool();

    /// <summary>T: how long <c>p.join(timeout)</c> of <paramref name="worker"/> waits.</summary>
    TimeSpan? AskJoinTimeout(string worker);

    /// <summary>A yes/no question; true for <paramref name="yes"/>.</summary>
    bool Confirm(string title, string question, string yes);
}
