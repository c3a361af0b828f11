using System.CommandLine;

namespace TuiProcManager.Sessions;

/// <summary><c>tuiproc</c>'s session options: its name and how long it lingers with nobody attached.</summary>
internal sealed class SessionArguments
{
    public Option<string?> Name { get; } = new Option<string?>("--session")
    {
        Description = "Name the session (letters, digits, . _ -); tuiproc attach NAME comes back to it. Default: the first free number.",
        HelpName = "NAME",
    }.Validated();

    public Option<TimeSpan?> Linger { get; } = LingerOption.Create();

    /// <summary>--detached: start the session without a screen (as tmux new -d); tuiproc attach NAME shows it.</summary>
    public Option<bool> Detached { get; } = new("--detached")
    {
        Description = "Start the session and its workers without attaching to it (no terminal needed); tuiproc attach NAME shows it.",
    };

    public void AddTo(Command command)
    {
        command.Add(Name);
        command.Add(Linger);
        command.Add(Detached);
    }
}
