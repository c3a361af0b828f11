using System.Collections.Immutable;
using System.Reactive.Concurrency;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

public sealed partial class Supervisor
{
    private static readonly ILookup<int, int> NoneAdopted = Array.Empty<AdoptedProcess>().ToLookup(a => a.WorkerPid, a => a.Pid);
    private readonly int _self = Environment.ProcessId;
    private ILookup<int, int> _adopted = NoneAdopted; // worker PID -> its processes re-parented to us; clock thread only
    private MachineCpuTimes? _lastMachine;
    private bool _pollRequested;
    private DateTimeOffset _lastStateActivity; // the last state change, spawn or signal: fast polling until QuietAfter
    private DateTimeOffset? _lastFullPoll; // pause-on-wait: wake polls read some workers, a full poll all of them
    private DateTimeOffset _nextSampleAt; // when the next resource sample is due (under the gate)

    /// <summary>A reading of one worker, taken outside the gate.</summary>
    private readonly record struct Reading(WorkerRecord Worker, ProcessStatus? Self, List<ProcessStatus> Descendants, DateTimeOffset ReadAt);

    /// <summary>Resource samples every <see cref="SupervisorOptions.SampleInterval"/>, for the supervisor's whole life.</summary>
    /// <remarks>
    /// A resource sample reads every state too. At the quiet pace the state polls are put a whole interval
    /// after it, and the one that would come just before the next sample reads nothing: one reading fewer a
    /// second (a fifth of an idle supervisor's /proc reading) and still one at least every
    /// <see cref="SupervisorOptions.QuietStatePollInterval"/>.
    /// </remarks>
    private IDisposable StartSampling()
    {
        lock (_gate)
        {
            _nextSampleAt = Now + _options.SampleInterval;
        }

        return _schedulers.Clock.Schedule(_options.SampleInterval, again =>
        {
            Sample(withResources: true);
            lock (_gate)
            {
                _nextSampleAt = Now + _options.SampleInterval;
                if (IsQuietPace() && _stateTimer.Disposable is not null && !_stateTimer.IsDisposed)
                {
                    _stateTimer.Disposable = SchedulePolls(_options.QuietStatePollInterval);
                }
            }

            again(_options.SampleInterval);
        });
    }

    /// <summary>
    /// State polling, while any worker is alive (stopped in <see cref="End"/>); <paramref name="restart"/> puts
    /// a new pace into effect at once (a mode switch). Caller holds the gate.
    /// </summary>
    private void StartStatePolling(bool restart = false)
    {
        RequestPoll();
        if (restart && !_stateTimer.IsDisposed)
        {
            _stateTimer.Disposable = null;
        }

        if (_stateTimer.Disposable is null && !_stateTimer.IsDisposed && _workers.Live.Count > 0)
        {
            _stateTimer.Disposable = SchedulePolls(NextStatePoll());
        }
    }

    /// <summary>State polls from <paramref name="first"/> on, each at the pace of the moment. Caller holds the gate.</summary>
    private IDisposable SchedulePolls(TimeSpan first) =>
        _schedulers.Clock.Schedule(first, again =>
        {
            if (!ResourceSampleDueSoon())
            {
                Sample(withResources: false);
            }

            again(NextStatePoll());
        });

    /// <summary>Polling at the quiet pace: no pause-on-wait policy, nothing changed for <see cref="SupervisorOptions.QuietAfter"/>. Caller holds the gate.</summary>
    private bool IsQuietPace() => _slotScheduler.Mode == SchedulingMode.Parallel && Now - _lastStateActivity >= _options.QuietAfter;

    /// <summary>At the quiet pace, the resource sample (which reads every state) comes within half a poll: this poll need not read.</summary>
    private bool ResourceSampleDueSoon()
    {
        lock (_gate)
        {
            return IsQuietPace() && _nextSampleAt - Now < _options.QuietStatePollInterval / 2;
        }
    }

    /// <summary>The interval to the next state poll: fast while things change, slower once all is quiet.</summary>
    private TimeSpan NextStatePoll()
    {
        lock (_gate)
        {
            return _slotScheduler.Mode == SchedulingMode.PauseOnWait ? _options.WakePollInterval
                : IsQuietPace() ? _options.QuietStatePollInterval
                : _options.StatePollInterval;
        }
    }

    /// <summary>Reads states soon, not at the next tick: after a spawn or a signal. Coalesced. Caller holds the gate.</summary>
    private void RequestPoll()
    {
        _lastStateActivity = Now;
        if (!_pollRequested)
        {
            _pollRequested = true;
            _schedulers.Clock.Schedule(TimeSpan.FromMilliseconds(2), () =>
            {
                lock (_gate)
                {
                    _pollRequested = false;
                }

                Sample(withResources: false);
            });
        }
    }

    /// <summary>
    /// Reads every live worker from the OS, outside the gate, then applies the readings under it.
    /// Runs on the clock scheduler only, so readings never overlap.
    /// </summary>
    private void Sample(bool withResources)
    {
        List<WorkerRecord> live;
        bool full;
        lock (_gate)
        {
            // Pause-on-wait polls every millisecond, but only the workers that may wake up; everything
            // (descendants included) at the usual pace.
            full = withResources || _slotScheduler.Mode == SchedulingMode.Parallel || _lastFullPoll is not { } last || Now - last >= _options.StatePollInterval;
            _lastFullPoll = full && !withResources ? Now : _lastFullPoll;
            live = full ? [.. _workers.Live] : [.. _workers.Live.Where(_slotScheduler.MayWake)];
        }

        // What the workers' descendants left with us (double-forked daemons, a fork bomb's processes whose
        // parents exited): our own children now, so not below their worker. Asked at the resource samples
        // only (once a second: it reads every thread's children file, which at every state poll cost a
        // measurable share of the idle CPU), and reused by the state polls in between.
        if (live.Count == 0)
        {
            _adopted = NoneAdopted;
        }
        else if (withResources)
        {
            _adopted = _launcher.ReadAdopted().ToLookup(a => a.WorkerPid, a => a.Pid);
        }

        ILookup<int, int> adopted = full ? _adopted : NoneAdopted;
        List<Reading> readings = new(live.Count);
        foreach (WorkerRecord w in live)
        {
            // Square and cube workers never start children; commands may, at any moment.
            bool mayHaveChildren = full && w.Spec.Kind == WorkerKind.Command;
            int pid = w.Handle!.Pid;
            DateTimeOffset readAt = Now;
            ProcessStatus? self = _probe.TryRead(pid, out ProcessStatus s) ? s : null;
            readings.Add(new Reading(w, self, mayHaveChildren && self is { } root ? ReadDescendants(root, adopted[pid]) : [], readAt));
        }

        MachineCpuTimes? machine = withResources ? _probe.ReadMachineCpu() : null;
        lock (_gate)
        {
            DateTimeOffset now = Now;
            foreach (Reading r in readings)
            {
                // HasExited: reaped after the reading was taken, so the reading may be of a reused PID.
                if (r.Worker.IsAlive && !r.Worker.Handle!.HasExited && r.Self is { } self && IsSameProcess(r.Worker, self))
                {
                    Apply(r.Worker, self, full ? r.Descendants : null, now, r.ReadAt, withResources);
                }
            }

            if (machine is not null)
            {
                PublishMachine(machine, now);
            }

            PoolDispatcher.FlushPendingInputs(_workers.Live);
        }
    }

    /// <summary>
    /// Children, grandchildren… of <paramref name="worker"/>, then each of <paramref name="adopted"/> (its
    /// descendants re-parented to us) and theirs; parents first.
    /// </summary>
    private List<ProcessStatus> ReadDescendants(ProcessStatus worker, IEnumerable<int> adopted)
    {
        List<ProcessStatus> found = [];
        HashSet<int> seen = [worker.Pid];
        Walk(worker);
        foreach (int root in adopted)
        {
            // Still our child: read up to a second ago, its PID may since have gone to someone else's.
            if (seen.Add(root) && _probe.TryRead(root, out ProcessStatus status) && status.ParentPid == _self)
            {
                found.Add(status);
                Walk(status);
            }
        }

        return found;

        void Walk(ProcessStatus from)
        {
            Queue<ProcessStatus> next = new([from]);
            while (next.TryDequeue(out ProcessStatus parent))
            {
                foreach (int child in _probe.ReadChildren(parent.Pid, parent.Threads))
                {
                    if (seen.Add(child) && _probe.TryRead(child, out ProcessStatus status))
                    {
                        found.Add(status);
                        next.Enqueue(status);
                    }
                }
            }
        }
    }

    /// <summary>
    /// Guards against a PID reused between reaping and reading, together with <see cref="IProcessHandle.HasExited"/>
    /// (which covers the first reading, the one that records the start time). Caller holds the gate.
    /// </summary>
    private static bool IsSameProcess(WorkerRecord w, ProcessStatus self)
    {
        w.OsStartTime ??= self.StartTime;
        return w.OsStartTime == self.StartTime;
    }

    /// <summary>Applies one reading (its descendants are null on a wake poll, which does not read them). Caller holds the gate.</summary>
    private void Apply(WorkerRecord w, ProcessStatus self, List<ProcessStatus>? descendants, DateTimeOffset now, DateTimeOffset readAt, bool withResources)
    {
        if (StateClassifier.Classify(self.State, w.PausedByUser || w.QueuedByScheduler) is var (state, why))
        {
            _slotScheduler.ObserveForScheduling(w, state, readAt); // first: its decision explains the change
            ChangeState(w, state, why);
        }

        if (descendants is null)
        {
            w.Cpu.Prime(self.CpuTime, now);
            return;
        }

        ApplyDescendants(w, descendants, now, withResources);
        if (!withResources)
        {
            w.Cpu.Prime(self.CpuTime, now);
            return;
        }

        w.LastSample = new ProcessSample(self.Pid, self.ParentPid, self.Name, w.State, w.Cpu.Next(self.CpuTime, now), self.CpuTime, self.ResidentBytes);
        ImmutableArray<ProcessSample> children = [.. descendants
            .Select(d => w.Descendants.GetValueOrDefault(d.Pid)?.LastSample)
            .OfType<ProcessSample>()
            .Where(d => d.State != WorkerState.Ended)];
        _events.Publish(new ResourceSampled(_events.NextSequence(), now, w.Id, w.LastSample, children));
    }

    /// <summary>Finds new descendants, follows their states, and notices the ones that are gone. Caller holds the gate.</summary>
    private void ApplyDescendants(WorkerRecord w, List<ProcessStatus> descendants, DateTimeOffset now, bool withResources)
    {
        HashSet<int> present = [];
        foreach (ProcessStatus s in descendants)
        {
            present.Add(s.Pid);
            if (w.Descendants.TryGetValue(s.Pid, out DescendantRecord? d) && d.OsStartTime != s.StartTime)
            {
                Gone(w, d, now); // its PID was reused by a new descendant
                d = null;
            }

            if (d is null)
            {
                d = new DescendantRecord(s.Pid, s.StartTime);
                w.Descendants[s.Pid] = d;
            }

            d.ParentPid = s.ParentPid;
            d.Name = s.Name;
            WorkerState? from = d.State == WorkerState.Starting ? null : d.State;
            WorkerState to = StateClassifier.Classify(s.State, w.PausedByUser || w.QueuedByScheduler)?.State ?? WorkerState.Ended;
            if (from != to && !(from is null && to == WorkerState.Ended))
            {
                _lastStateActivity = now;
                _events.Publish(new DescendantStateChanged(_events.NextSequence(), now, w.Id, d.Pid, d.ParentPid, d.Name, from, to));
            }

            d.State = to;
            if (withResources)
            {
                d.LastSample = new ProcessSample(s.Pid, s.ParentPid, s.Name, to, d.Cpu.Next(s.CpuTime, now), s.CpuTime, s.ResidentBytes);
            }
            else
            {
                d.Cpu.Prime(s.CpuTime, now);
            }
        }

        foreach (DescendantRecord d in w.Descendants.Values.Where(d => !present.Contains(d.Pid)).ToList())
        {
            Gone(w, d, now);
        }
    }

    /// <summary>A descendant disappeared. Caller holds the gate.</summary>
    private void Gone(WorkerRecord w, DescendantRecord d, DateTimeOffset now)
    {
        w.Descendants.Remove(d.Pid);
        if (d.State is not (WorkerState.Ended or WorkerState.Starting))
        {
            _events.Publish(new DescendantStateChanged(_events.NextSequence(), now, w.Id, d.Pid, d.ParentPid, d.Name, d.State, WorkerState.Ended));
        }
    }

    /// <summary>Caller holds the gate.</summary>
    private void PublishMachine(MachineCpuTimes machine, DateTimeOffset now)
    {
        MachineCpuTimes? last = _lastMachine;
        _lastMachine = machine;
        if (last is null || last.Cores.Length != machine.Cores.Length)
        {
            return;
        }

        ImmutableArray<double> busy = [.. machine.Cores.Zip(last.Cores, (c, p) =>
            c.Total > p.Total ? Math.Clamp((double)(c.Busy - p.Busy) / (c.Total - p.Total) * 100, 0, 100) : 0)];
        _events.Publish(new MachineSampled(_events.NextSequence(), now, busy));
    }
}
