using System.CommandLine;
using Microsoft.Win32.SafeHandles;
using TuiProcManager.CommandLine;
using TuiProcManager.Linux.Files;
using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Remote;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions;

/// <summary>
/// <c>tuiproc bridge [NAME]</c> (hidden): what <c>tuiproc attach HOST:NAME</c>, <c>ctl</c> and <c>events</c>
/// run through <c>ssh HOST</c>. It joins its stdin and stdout to the session's socket, byte for byte, until
/// the server closes the connection; a client on another host then speaks the session protocol as if it
/// were here. <c>--list</c>: the live sessions, for <c>tuiproc ls HOST</c> (<see cref="BridgeListing"/>).
/// </summary>
/// <remarks>
/// A session that is not there (or a name missing when there are several) is one line on stderr and exit
/// code 3, before any byte on stdout: the client reads the line from ssh's stderr and says it.
/// </remarks>
internal static class BridgeCommand
{
    public static Command Create(TextWriter stderr)
    {
        Argument<string?> name = new Argument<string?>("NAME") { Description = "The session (USER/NAME: another user's, shared with you); may be left out when there is only one.", Arity = ArgumentArity.ZeroOrOne }.ValidatedLocal();
        Option<bool> list = new("--list") { Description = "Write the live sessions in the session protocol's messages, for tuiproc ls HOST." };
        Option<bool> classView = new("--class") { Description = "Write the sessions shared with you here, a snapshot a second, for tuiproc class HOST." };
        Command command = new("bridge", "Join stdin and stdout to a session's socket (run by tuiproc attach HOST:NAME through ssh).") { Hidden = true };
        command.Add(name);
        command.Add(list);
        command.Add(classView);
        command.SetAction(async (parsed, cancel) =>
        {
            using DescriptorStream stdout = DescriptorStream.Borrowed(1);
            if (parsed.GetValue(classView))
            {
                // Until ssh closes our stdin (the class view left): a read that returns nothing.
                Task inputEnded = Task.Run(() =>
                {
                    using FileStream input = new(new SafeFileHandle(0, ownsHandle: false), FileAccess.Read, bufferSize: 0);
                    byte[] one = new byte[1];
                    while (input.Read(one) > 0)
                    {
                    }
                }, CancellationToken.None);
                await Class.BridgeClass.RunAsync(stdout, inputEnded, TimeProvider.System).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            if (parsed.GetValue(list))
            {
                await BridgeListing.WriteAsync(stdout, await SessionList.GatherAsync(stderr).ConfigureAwait(false)).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            string socket;
            try
            {
                (_, socket) = SessionConnector.SocketOf(SessionAddress.Parse(parsed.GetValue(name)));
            }
            catch (SessionException e)
            {
                await stderr.WriteLineAsync("tuiproc: " + e.Message).ConfigureAwait(false);
                return ExitCodes.NoSession;
            }
            catch (ArgumentException e)
            {
                await stderr.WriteLineAsync("tuiproc: " + e.Message).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            // Not Console.OpenStandardInput(): on a terminal it reads through the console's line editing.
            // A read of stdin may never return (ssh keeps it open): SocketBridge never waits for one.
            using FileStream stdin = new(new SafeFileHandle(0, ownsHandle: false), FileAccess.Read, bufferSize: 0);
            using StringWriter unreachable = new();
            int code = await SocketBridge.RunAsync(socket, stdin, stdout, unreachable, cancel).ConfigureAwait(false);
            if (code != 0)
            {
                await stderr.WriteLineAsync("tuiproc: " + unreachable.ToString().Trim()).ConfigureAwait(false);
                return ExitCodes.NoSession;
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
