using System.CommandLine;
using TuiProcManager.CommandLine;

namespace TuiProcManager.Sessions;

/// <summary>
/// <c>tuiproc session-server NAME</c> (hidden): the session server, as <see cref="SessionStarter"/> starts it
/// in a session of its own. Not for people: it reports on the pipe at <c>--ready-fd</c> and in its log.
/// </summary>
internal static class SessionServerCommand
{
    public static Command Create(TextWriter stderr)
    {
        Argument<string> name = new("NAME") { Description = "The session's name." };
        Option<TimeSpan?> linger = LingerOption.Create();
        Option<int> ready = IntegerOption.Create("--ready-fd", "FD", "The pipe to say 'ready' on (or why not).", max: 1024, min: -1);
        ready.DefaultValueFactory = _ => -1;
        Option<string?> lab = new("--lab") { Description = "The lab the session is for: a shipped lab's id, or a lab file's absolute path." };
        Command command = new("session-server", "Runs a session's server (started by tuiproc itself).") { Hidden = true };
        command.Add(name);
        command.Add(linger);
        command.Add(ready);
        command.Add(lab);
        command.SetAction((parsed, _) => SessionServerHost.RunAsync(parsed.GetValue(name)!, parsed.GetValue(linger), parsed.GetValue(ready), parsed.GetValue(lab), stderr));
        return command;
    }
}
