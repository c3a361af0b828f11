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

    public void AddTo(Command command)
    {
        command.Add(Name);
        command.Add(Linger);
    }
}
