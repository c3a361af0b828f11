using System.CommandLine;
using TuiProcManager.Core.Os;

namespace TuiProcManager.CommandLine;

/// <summary>The options of the full-screen UI, shared by <c>tuiproc</c>, <c>tuiproc lab N</c> and <c>tuiproc lab open N</c> (<see cref="Theme"/>, <see cref="Colors"/> and <see cref="NoMouse"/> by attach, replay and class too).</summary>
/// <param name="resolver">Checks each <c>--cmd</c>'s program while parsing (<see cref="WorkerArguments"/>).</param>
internal sealed class UiArguments(IExecutableResolver resolver)
{
    public WorkerArguments Workers { get; } = new(resolver);

    public SchedulingArguments Scheduling { get; } = new();

    public Option<string?> Theme { get; } = new("--theme")
    {
        Description = "The theme to use (and remember), e.g. \"Tuiproc Light\". Press t in the UI to cycle through them.",
        HelpName = "NAME",
    };

    public Option<string> Colors { get; } = ChoiceOption.Create(
        "--colors",
        "MODE",
        "auto (from COLORTERM, TERM's terminfo, then the terminal itself), true (24-bit), 256, 16, or none. NO_COLOR turns colour off whatever this says.",
        "auto",
        "true",
        "256",
        "16",
        "none");

    public Option<bool> NoMouse { get; } = new("--no-mouse")
    {
        Description = "Leave the mouse to the terminal (its own selection and paste) instead of clicks, wheel and drags in the UI; \"mouse\": false in settings.json does the same every time.",
    };

    public Option<string?> Events { get; } = new("--events")
    {
        Description = "Write every event to FILE as JSON Lines (in a lab, the answers and hints too), for tuiproc lab check N FILE.",
        HelpName = "FILE",
    };

    public void AddTo(Command command)
    {
        Workers.AddTo(command, requireWorkers: false);
        Scheduling.AddTo(command);
        command.Add(Theme);
        command.Add(Colors);
        command.Add(NoMouse);
        command.Add(Events);
    }
}
