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
        Option<int> eventsFd = IntegerOption.Create("--events-fd", "FD", "The events file to write, opened by the tuiproc that starts the server.", max: 1024, min: -1);
        eventsFd.DefaultValueFactory = _ => -1;
        Option<string> eventsName = new("--events-name") { Description = "How messages name the events file.", DefaultValueFactory = _ => "the events file" };
        Command command = new("session-server", "Runs a session's server (started by tuiproc itself).") { Hidden = true };
        command.Add(name);
        command.Add(linger);
        command.Add(ready);
        command.Add(lab);
        command.Add(eventsFd);
        command.Add(eventsName);
        command.SetAction((parsed, _) => SessionServerHost.RunAsync(
            new SessionServerStart(parsed.GetValue(name)!, parsed.GetValue(linger), parsed.GetValue(ready), parsed.GetValue(lab), parsed.GetValue(eventsFd), parsed.GetValue(eventsName)!),
            stderr));
        return command;
    }
}
