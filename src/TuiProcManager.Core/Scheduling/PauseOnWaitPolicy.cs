using System.Globalization;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Scheduling;

/// <summary>
/// The pause-on-wait policy as plain code: who holds the K run slots, who is queued for one, and what to
/// do when the OS reports that a worker started waiting or woke up. No OS, no clock, no threads: the
/// supervisor feeds it what it reads from <c>/proc</c> and carries out the decisions it returns.
/// </summary>
/// <remarks>
/// <para>
/// Rules (the lesson's asynchronous model): a worker holds a slot while it runs. When it starts waiting
/// (blocked in the kernel), it keeps sleeping but gives its slot to the first worker in the queue, which
/// is continued. A worker that wants to run when every slot is taken (spawned, woken up, resumed by the
/// user) is stopped and queued, first come first served. So never more than K governed workers are on a
/// CPU, except for the moment between a waiting worker waking up and the supervisor noticing it.
/// </para>
/// <para>
/// A worker the user paused, one being terminated, and one that ended are not governed: they hold no
/// slot and are never continued by the scheduler (see <see cref="Forget"/>). Not thread-safe: the
/// supervisor calls it under its gate.
/// </para>
/// </remarks>
public sealed class PauseOnWaitPolicy
{
    private readonly Dictionary<WorkerId, Status> _status = [];
    private readonly List<WorkerId> _holders = []; // in the order they got their slots
    private readonly LinkedList<WorkerId> _queue = new(); // first come, first served

    /// <summary>Most run slots: far beyond any machine's cores, small enough to stay meaningful.</summary>
    public const int MaxSlots = 1024;

    /// <summary>Creates the policy with <paramref name="slots"/> run slots.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slots"/> is below 1.</exception>
    public PauseOnWaitPolicy(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        Slots = slots;
    }

    private enum Status
    {
        Holding,
        Waiting,
        Queued,
    }

    /// <summary>How many workers may run at once.</summary>
    public int Slots { get; private set; }

    /// <summary>The workers holding a slot, in the order they got it.</summary>
    public IReadOnlyList<WorkerId> Holders => _holders;

    /// <summary>The workers queued for a slot, first in line first.</summary>
    public IReadOnlyCollection<WorkerId> Queue => _queue;

    /// <summary>Whether the policy governs <paramref name="worker"/>.</summary>
    public bool Governs(WorkerId worker) => _status.ContainsKey(worker);

    /// <summary>Whether <paramref name="worker"/> is stopped in the queue.</summary>
    public bool IsQueued(WorkerId worker) => _status.TryGetValue(worker, out Status s) && s == Status.Queued;

    /// <summary>
    /// A worker that wants to run: just spawned, resumed by the user, or found running when the mode was
    /// switched on. It gets a free slot, or is queued.
    /// </summary>
    /// <param name="worker">The worker.</param>
    /// <param name="cause">What happened, for the reason (e.g. "spawned").</param>
    /// <param name="stopped">Whether it is stopped now (so a slot means SIGCONT, and the queue no SIGSTOP).</param>
    /// <param name="decisions">Where the decision is added.</param>
    public void Admit(WorkerId worker, string cause, bool stopped, List<SlotDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        if (Governs(worker))
        {
            return;
        }

        if (_holders.Count < Slots)
        {
            Hold(worker);
            decisions.Add(new SlotDecision(worker, SlotChange.Granted, $"{cause}: {GotSlot()}", Signal: stopped));
            return;
        }

        Enqueue(worker, atFront: false);
        decisions.Add(new SlotDecision(worker, SlotChange.Queued, $"{cause}: {AllTaken()}, {QueuedAs(worker)}", Signal: !stopped));
    }

    /// <summary>A worker found waiting (or stopped by someone else) when the mode was switched on: no slot until it wakes.</summary>
    public void AddWaiting(WorkerId worker)
    {
        if (!Governs(worker))
        {
            _status[worker] = Status.Waiting;
        }
    }

    /// <summary>What the OS reports about a governed worker now; ignored for others.</summary>
    /// <param name="worker">The worker.</param>
    /// <param name="state">Its state as read from the OS.</param>
    /// <param name="decisions">Where decisions are added.</param>
    public void Observe(WorkerId worker, WorkerState state, List<SlotDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        if (!_status.TryGetValue(worker, out Status status))
        {
            return;
        }

        switch (status)
        {
            case Status.Holding when state is WorkerState.Waiting or WorkerState.Paused:
                // Paused here means stopped by someone else (our own stops are never holders): it is off
                // the CPU as surely as a sleeping worker, so the slot is better used by another.
                _holders.Remove(worker);
                _status[worker] = Status.Waiting;
                decisions.Add(new SlotDecision(
                    worker,
                    SlotChange.Released,
                    state == WorkerState.Waiting ? "started waiting: gave its slot back" : "stopped from outside tuiproc: gave its slot back",
                    Signal: false));
                GrantNext($"worker {worker} started waiting", decisions);
                break;
            case Status.Waiting when state == WorkerState.Running:
                if (_holders.Count < Slots)
                {
                    Hold(worker);
                    decisions.Add(new SlotDecision(worker, SlotChange.Granted, $"woke up: {GotSlot()}", Signal: false));
                }
                else
                {
                    Enqueue(worker, atFront: false);
                    decisions.Add(new SlotDecision(worker, SlotChange.Queued, $"woke up while {AllTaken()}: {QueuedAs(worker)}", Signal: true));
                }

                break;
            default:
                break; // holding and running, waiting and still waiting, or queued (stopped by us)
        }
    }

    /// <summary>
    /// Stops governing a worker: it ended, the user paused it, it is being terminated or killed. Its slot,
    /// if it held one, goes to the next in line.
    /// </summary>
    public void Forget(WorkerId worker, string why, List<SlotDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        if (!_status.Remove(worker, out Status status))
        {
            return;
        }

        _holders.Remove(worker);
        _queue.Remove(worker);
        decisions.Add(new SlotDecision(worker, SlotChange.Left, why, Signal: false));
        if (status == Status.Holding)
        {
            GrantNext($"worker {worker} left the scheduler ({why})", decisions);
        }
    }

    /// <summary>
    /// Stops governing every worker (the mode is switched off): queued workers are to be continued
    /// (<see cref="SlotDecision.Signal"/> set), the others just left alone.
    /// </summary>
    public void ForgetAll(string why, List<SlotDecision> decisions)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        foreach ((WorkerId worker, Status status) in _status.OrderBy(p => p.Key.Value))
        {
            decisions.Add(new SlotDecision(worker, SlotChange.Left, why, Signal: status == Status.Queued));
        }

        _status.Clear();
        _holders.Clear();
        _queue.Clear();
    }

    /// <summary>
    /// Changes the number of slots. More slots go to the queue at once; fewer stop the holders that got
    /// theirs last, which go to the front of the queue (they were running before anyone in it).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="slots"/> is below 1.</exception>
    public void SetSlots(int slots, List<SlotDecision> decisions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        ArgumentNullException.ThrowIfNull(decisions);
        Slots = slots;
        GrantNext(string.Create(CultureInfo.InvariantCulture, $"slots raised to {slots}"), decisions);
        while (_holders.Count > Slots)
        {
            WorkerId last = _holders[^1];
            _holders.RemoveAt(_holders.Count - 1);
            Enqueue(last, atFront: true);
            decisions.Add(new SlotDecision(last, SlotChange.Queued, string.Create(CultureInfo.InvariantCulture, $"slots cut to {slots}: {QueuedAs(last)}"), Signal: true));
        }
    }

    private void GrantNext(string cause, List<SlotDecision> decisions)
    {
        while (_holders.Count < Slots && _queue.First is { } first)
        {
            _queue.RemoveFirst();
            Hold(first.Value);
            decisions.Add(new SlotDecision(first.Value, SlotChange.Granted, $"{GotSlot()} ({cause})", Signal: true));
        }
    }

    private void Hold(WorkerId worker)
    {
        _status[worker] = Status.Holding;
        _holders.Add(worker);
    }

    private void Enqueue(WorkerId worker, bool atFront)
    {
        _status[worker] = Status.Queued;
        _ = atFront ? _queue.AddFirst(worker) : _queue.AddLast(worker);
    }

    private string GotSlot() => Slots == 1
        ? "got the slot"
        : string.Create(CultureInfo.InvariantCulture, $"got a slot ({_holders.Count} of {Slots} in use)");

    private string AllTaken() => Slots == 1 ? "the slot was taken" : string.Create(CultureInfo.InvariantCulture, $"all {Slots} slots were taken");

    private string QueuedAs(WorkerId worker)
    {
        int position = 1;
        foreach (WorkerId queued in _queue)
        {
            if (queued == worker)
            {
                break;
            }

            position++;
        }

        return position == 1 ? "queued for a slot (first in line)" : string.Create(CultureInfo.InvariantCulture, $"queued for a slot ({position} in line)");
    }
}
