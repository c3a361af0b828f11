using System.Collections.Concurrent;
using System.Text;
using NSubstitute;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Testing;

/// <summary>
/// The OS, substituted: a launcher that hands out substitute handles with PIDs 100, 101…, and a probe
/// whose readings each test sets. What the supervisor sends and reads is recorded by NSubstitute.
/// </summary>
internal sealed class FakeOs
{
    private readonly ConcurrentDictionary<int, ProcessStatus> _status = new();
    private readonly ConcurrentDictionary<int, int[]> _children = new();
    private readonly ConcurrentDictionary<int, StringBuilder> _inputs = new();
    private int _nextPid = 100;

    public FakeOs()
    {
        Launcher.Start(Arg.Any<LaunchRequest>(), Arg.Any<IProcessEvents>()).Returns(call =>
        {
            int pid = _nextPid++;
            IProcessHandle handle = Substitute.For<IProcessHandle>();
            handle.Pid.Returns(pid);
            handle.Signal(Arg.Any<ProcessSignal>()).Returns(true);
            handle.SignalGroup(Arg.Any<ProcessSignal>()).Returns(true);
            StringBuilder input = new();
            _inputs[pid] = input;
            handle.WriteInput(Arg.Any<ReadOnlyMemory<byte>>()).Returns(c =>
            {
                ReadOnlyMemory<byte> data = c.ArgAt<ReadOnlyMemory<byte>>(0);
                lock (input)
                {
                    input.Append(Encoding.UTF8.GetString(data.Span));
                }

                return data.Length;
            });
            Processes[pid] = (call.ArgAt<LaunchRequest>(0), call.ArgAt<IProcessEvents>(1), handle);
            DuringStart?.Invoke(pid, call.ArgAt<IProcessEvents>(1));
            return handle;
        });
        Probe.TryRead(Arg.Any<int>(), out Arg.Any<ProcessStatus>()).Returns(call =>
        {
            bool found = _status.TryGetValue(call.ArgAt<int>(0), out ProcessStatus s);
            call[1] = s;
            return found;
        });
        Probe.ReadChildren(Arg.Any<int>(), Arg.Any<int>()).Returns(call => _children.TryGetValue(call.ArgAt<int>(0), out int[]? c) ? c : []);
        Probe.ReadMachineCpu().Returns(new MachineCpuTimes([]));
        Probe.AnyRanSinceLastRead.Returns(_ => Ran);
        Launcher.ReadAdopted().Returns([]); // nothing re-parented to the supervisor unless a test says so
    }

    public IProcessLauncher Launcher { get; } = Substitute.For<IProcessLauncher>();

    /// <summary>
    /// Runs inside the launcher's Start, after the process exists and before Start returns (on the launch
    /// thread): what a process reports that early, or a start that takes its time (a stopped fork server).
    /// </summary>
    public Action<int, IProcessEvents>? DuringStart { get; set; }

    public IProcessProbe Probe { get; } = Substitute.For<IProcessProbe>();

    /// <summary>What the probe says after each round: whether a process it read had run since (false: all asleep).</summary>
    public bool Ran { get; set; }

    /// <summary>Every started process by PID: what was asked, where it reports, its handle.</summary>
    public ConcurrentDictionary<int, (LaunchRequest Request, IProcessEvents Events, IProcessHandle Handle)> Processes { get; } = new();

    public IProcessEvents EventsOf(int pid) => Processes[pid].Events;

    public IProcessHandle HandleOf(int pid) => Processes[pid].Handle;

    /// <summary>Everything written to the process's stdin so far.</summary>
    public string InputOf(int pid)
    {
        lock (_inputs[pid])
        {
            return _inputs[pid].ToString();
        }
    }

    /// <summary>The process writes <paramref name="lines"/> on its results pipe (fd 3).</summary>
    public void Results(int pid, params string[] lines) => EventsOf(pid).OnOutput(OutputChannel.Results, lines);

    /// <summary>What the probe reports for <paramref name="pid"/> from now on.</summary>
    public void Set(int pid, OsProcessState state, double cpuSeconds = 0, ulong startTime = 1, int parent = 1, string name = "worker") =>
        _status[pid] = new ProcessStatus(pid, parent, pid, state, TimeSpan.FromSeconds(cpuSeconds), 4096, 1, startTime, name);

    public void Remove(int pid) => _status.TryRemove(pid, out _);

    public void SetChildren(int pid, params int[] children) => _children[pid] = children;

    /// <summary>The process is reaped, but its end is not reported yet (its pipes are still draining).</summary>
    public void Reap(int pid) => Processes[pid].Handle.HasExited.Returns(true);

    /// <summary>The process ends: the launcher reports the exit, as its I/O thread would.</summary>
    public void Exit(int pid, WorkerExit exit)
    {
        Remove(pid);
        Processes[pid].Handle.HasExited.Returns(true);
        Processes[pid].Handle.Signal(Arg.Any<ProcessSignal>()).Returns(false);
        Processes[pid].Handle.SignalGroup(Arg.Any<ProcessSignal>()).Returns(false);
        EventsOf(pid).OnExited(exit);
    }
}
