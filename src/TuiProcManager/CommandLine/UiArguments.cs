using System.CommandLine;

namespace TuiProcManager.CommandLine;

/// <summary>The options of the full-screen UI, shared by <c>tuiproc</c> and <c>tuiproc lab N</c>.</summary>
internal sealed class UiArguments
{
    public WorkerArguments Workers { get; } = new();

    public SchedulingArguments Scheduling { get; } = new();

    public Option<string?> Theme { get; } = new("--theme")
    {
        Description = "The theme to use (and remember), e.g. \"Tuiproc Light\". Press t in the UI to cycle through them.",
        HelpName = "NAME",
    };

    public Option<string> Colors { get; } = ChoiceOption.Create(
        "--colors",
        "MODE",
        "auto (24-bit when COLORTERM says so, else 16), true, 16, or none. NO_COLOR turns colour off whatever this says.",
        "auto",
        "true",
        "16",
        "none");

    public Option<string?> Events { get; } = new("--events")
    {
        Description = "Write every event to FILE as JSON Lines (in a lab, the answers and hints too), for tuiproc lab N --check FILE.",
        HelpName = "FILE",
    };

    public void AddTo(Command command)
    {
        Workers.AddTo(command, requireWorkers: false);
        Scheduling.AddTo(command);
        command.Add(Theme);
        command.Add(Colors);
        command.Add(Events);
    }
}
