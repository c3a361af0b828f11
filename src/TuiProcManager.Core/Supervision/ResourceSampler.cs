using System.Collections.Immutable;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Supervision;

/// <summary>
/// Reads the live workers, their descendants and the machine's CPU from the OS, and turns the readings into
/// state changes, descendant changes and resource samples.
/// </summary>
/// <remarks>
/// <para>
/// A round runs on the clock scheduler only, so rounds never overlap: <see cref="PlanRound"/> and
/// <see cref="ApplyRound"/> are called with the supervisor's gate held, <see cref="ReadRound"/> without it
/// (it reads /proc, which can be slow), and touches nothing but the round and <see cref="_adopted"/>.
/// <see cref="EndDescendants"/> is called with the gate held, on whichever thread ends a worker.
/// </para>
/// <para>
/// A reading may be of a process that ended, and was reaped, while the gate was free: it is applied only if
/// the worker is still alive, its handle has not seen the exit, and the start time matches the first reading
/// (the PID was not reused).
/// </para>
/// </remarks>
/// <param name="probe">Reads processes and the machine's CPU from the OS.</param>
/// <param name="launcher">Says which processes were re-parented to us, and from which worker.</param>
/// <param name="options">The full-poll interval.</param>
/// <param name="events">Where descendant changes and samples are published.</param>
/// <param name="workers">The live workers a round reads.</param>
/// <param name="slotScheduler">The mode, and which workers a wake poll reads.</param>
/// <param name="pace">Told of descendant state changes, which keep the polls fast, and of rounds in which a process had run.</param>
/// <param name="onStateRead">A worker's state as a reading classified it, with the time it was read: the
/// supervisor feeds it to the scheduler and reports the change. Called with the gate held.</param>
internal sealed class ResourceSampler(
    IProcessProbe probe,
    IProcessLauncher launcher,
    SupervisorOptions options,
    EventPublisher events,
    WorkerTable workers,
    SlotScheduler slotScheduler,
    PollingPace pace,
    Action<WorkerRecord, WorkerState, string, DateTimeOffset> onStateRead)
{
    private static readonly ILookup<int, int> NoneAdopted = Array.Empty<AdoptedProcess>().ToLookup(a => a.WorkerPid, a => a.Pid);
    private readonly int _self = Environment.ProcessId;
    private ILookup<int, int> _adopted = NoneAdopted; // worker PID -> its processes re-parented to us; clock thread only
    private MachineCpuTimes? _lastMachine;
    private DateTimeOffset? _lastFullPoll; // pause-on-wait: wake polls read some workers, a full poll all of them

    /// <summary>Chooses what a round reads. Caller holds the gate.</summary>
    public SamplingRound PlanRound(bool withResources)
    {
        // Pause-on-wait polls every millisecond, but only the workers that may wake up; everything
        // (descendants included) at the usual pace.
        DateTimeOffset now = events.Now;
        bool full = withResources || slotScheduler.Mode == SchedulingMode.Parallel || _lastFullPoll is not { } last || now - last >= options.StatePollInterval;
        _lastFullPoll = full && !withResources ? now : _lastFullPoll;
        return new SamplingRound(withResources, full, full ? [.. workers.Live] : [.. workers.Live.Where(slotScheduler.MayWake)]);
    }

    /// <summary>Reads the round's workers from the OS. Clock thread, without the gate.</summary>
    public void ReadRound(SamplingRound round)
    {
        probe.BeginRound(mayReuse: slotScheduler.Mode == SchedulingMode.Parallel);

        // What the workers' descendants left with us (double-forked daemons, a fork bomb's processes whose
        // parents exited): our own children now, so not below their worker. Asked at the resource samples
        // only (once a second: it reads every thread's children file, which at every state poll cost a
        // measurable share of the idle CPU), and reused by the state polls in between.
        if (round.Targets.Count == 0)
        {
            _adopted = NoneAdopted;
        }
        else if (round.WithResources)
        {
            _adopted = launcher.ReadAdopted().ToLookup(a => a.WorkerPid, a => a.Pid);
        }

        ILookup<int, int> adopted = round.Full ? _adopted : NoneAdopted;
        foreach (WorkerRecord w in round.Targets)
        {
            // Square and cube workers never start children; commands may, at any moment.
            bool mayHaveChildren = round.Full && w.Spec.Kind == WorkerKind.Command;
            int pid = w.Handle!.Pid;
            DateTimeOffset readAt = events.Now;
            ProcessStatus? self = probe.TryRead(pid, out ProcessStatus s) ? s : null;
            round.Readings.Add(new WorkerReading(w, self, mayHaveChildren && self is { } root ? ReadDescendants(root, adopted[pid]) : [], readAt));
        }

        round.AnyRan = round.Targets.Count > 0 && probe.AnyRanSinceLastRead;
        round.Machine = round.WithResources ? probe.ReadMachineCpu() : null;
    }

    /// <summary>Applies what the round read. Caller holds the gate.</summary>
    public void ApplyRound(SamplingRound round)
    {
        DateTimeOffset now = events.Now;
        foreach (WorkerReading r in round.Readings)
        {
            // HasExited: reaped after the reading was taken, so the reading may be of a reused PID.
            if (r.Worker.IsAlive && !r.Worker.Handle!.HasExited && r.Self is { } self && IsSameProcess(r.Worker, self))
            {
                ApplyReading(r.Worker, self, round.Full ? r.Descendants : null, now, r.ReadAt, round.WithResources);
            }
        }

        if (round.AnyRan)
        {
            pace.NoteRunning(now);
        }

        if (round.Machine is { } machine)
        {
            PublishMachine(machine, now);
        }
    }

    /// <summary>The worker ended: each descendant still known is reported ended with it. Caller holds the gate.</summary>
    public void EndDescendants(WorkerRecord w)
    {
        foreach (DescendantRecord d in w.Descendants.Values)
        {
            events.Publish(new DescendantStateChanged(events.NextSequence(), events.Now, w.Id, d.Pid, d.ParentPid, d.Name, d.State, WorkerState.Ended));
        }

        w.Descendants.Clear();
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
            if (seen.Add(root) && probe.TryRead(root, out ProcessStatus status) && status.ParentPid == _self)
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
                foreach (int child in probe.ReadChildren(parent.Pid, parent.Threads))
                {
                    if (seen.Add(child) && probe.TryRead(child, out ProcessStatus status))
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
    /// (which covers the first reading, the one that records the start time).
    /// </summary>
    private static bool IsSameProcess(WorkerRecord w, ProcessStatus self)
    {
        w.OsStartTime ??= self.StartTime;
        return w.OsStartTime == self.StartTime;
    }

    /// <summary>Applies one reading (its descendants are null on a wake poll, which does not read them).</summary>
    private void ApplyReading(WorkerRecord w, ProcessStatus self, List<ProcessStatus>? descendants, DateTimeOffset now, DateTimeOffset readAt, bool withResources)
    {
        if (StateClassifier.Classify(self.State, w.PausedByUser || w.QueuedByScheduler) is var (state, why))
        {
            onStateRead(w, state, why, readAt);
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
        events.Publish(new ResourceSampled(events.NextSequence(), now, w.Id, w.LastSample, children));
    }

    /// <summary>Finds new descendants, follows their states, and notices the ones that are gone.</summary>
    private void ApplyDescendants(WorkerRecord w, List<ProcessStatus> descendants, DateTimeOffset now, bool withResources)
    {
        HashSet<int> present = [];
        foreach (ProcessStatus s in descendants)
        {
            present.Add(s.Pid);
            if (w.Descendants.TryGetValue(s.Pid, out DescendantRecord? d) && d.OsStartTime != s.StartTime)
            {
                DescendantGone(w, d, now); // its PID was reused by a new descendant
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
                pace.NoteActivity(now);
                events.Publish(new DescendantStateChanged(events.NextSequence(), now, w.Id, d.Pid, d.ParentPid, d.Name, from, to));
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
            DescendantGone(w, d, now);
        }
    }

    /// <summary>A descendant disappeared (it ended, or its PID now belongs to another process).</summary>
    private void DescendantGone(WorkerRecord w, DescendantRecord d, DateTimeOffset now)
    {
        w.Descendants.Remove(d.Pid);
        if (d.State is not (WorkerState.Ended or WorkerState.Starting))
        {
            events.Publish(new DescendantStateChanged(events.NextSequence(), now, w.Id, d.Pid, d.ParentPid, d.Name, d.State, WorkerState.Ended));
        }
    }

    /// <summary>Publishes each core's busy share since the last resource sample (nothing at the first).</summary>
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
        events.Publish(new MachineSampled(events.NextSequence(), now, busy));
    }
}
