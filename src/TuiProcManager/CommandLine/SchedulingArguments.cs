using System.CommandLine;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Supervision;

namespace TuiProcManager.CommandLine;

/// <summary><c>--mode parallel|pause-on-wait</c> and <c>--slots K</c>, shared by <c>tuiproc run</c> and the UI.</summary>
internal sealed class SchedulingArguments
{
    /// <summary>Most run slots accepted.</summary>
    public const int MaxSlots = PauseOnWaitPolicy.MaxSlots;

    public Option<string> Mode { get; } = ChoiceOption.Create(
        "--mode",
        "MODE",
        "parallel (default): every worker runs at once. pause-on-wait: at most --slots workers run; when one waits, the next gets its slot (the lesson's asynchronous model).",
        "parallel",
        "pause-on-wait");

    public Option<int> Slots { get; } = IntegerOption.Create(
        "--slots", "K", "Run slots in pause-on-wait mode (default 1).", MaxSlots, min: 1);

    public void AddTo(Command command)
    {
        command.Add(Mode);
        command.Add(Slots);
    }

    /// <summary>Puts the chosen mode into effect; call before the first spawn.</summary>
    /// <returns>The mode now in effect.</returns>
    public async Task<SchedulingMode> ApplyAsync(ParseResult parsed, ISupervisor supervisor)
    {
        SchedulingMode mode = parsed.GetValue(Mode) == "pause-on-wait" ? SchedulingMode.PauseOnWait : SchedulingMode.Parallel;
        SchedulingOutcome now = await supervisor.ChangeSchedulingAsync(SchedulingChange.To(mode, parsed.GetValue(Slots))).ConfigureAwait(false);
        return now.Mode;
    }
}
