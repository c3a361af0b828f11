namespace TuiProcManager.Core.Os;

/// <summary>
/// A live process re-parented to this one (a child subreaper) that descends from a running worker: a
/// double-forked daemon, the processes of a fork bomb whose parents exited. It is no longer below the
/// worker in the process tree, yet it is the worker's.
/// </summary>
/// <param name="WorkerPid">The PID of the running worker it came from.</param>
/// <param name="Pid">Its own PID.</param>
public readonly record struct AdoptedProcess(int WorkerPid, int Pid);
