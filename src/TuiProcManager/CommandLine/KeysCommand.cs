using System.CommandLine;
using TuiProcManager.Composition;
using TuiProcManager.Tui.Hosting;

namespace TuiProcManager.CommandLine;

/// <summary>
/// <c>tuiproc keys</c>: every action with its keys, the user's where their keys file changed them, and the
/// file's path; the file's problems on stderr, one line each. Exit code 0, or 1 when the keys file has a
/// problem (the listing is printed all the same); <c>--defaults</c> prints a starter keys file instead.
/// </summary>
internal static class KeysCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        Option<bool> defaults = new("--defaults") { Description = "Print a keys file with every action's default keys, to start your own from (tuiproc keys --defaults > ~/.config/tuiproc/keys.json)." };
        Command command = new("keys", "List every action and its keys (yours where your keys file changed them), and where the keys file is.") { defaults };
        command.SetAction(async (parsed, cancel) =>
        {
            if (parsed.GetValue(defaults))
            {
                await stdout.WriteAsync(KeyListing.StarterFile()).ConfigureAwait(false);
                await stdout.FlushAsync(cancel).ConfigureAwait(false);
                return ExitCodes.Success;
            }

            IReadOnlyList<string> lines = KeyListing.Describe(ShippedContent.Files, out IReadOnlyList<string> problems);
            foreach (string problem in problems)
            {
                await stderr.WriteLineAsync("tuiproc: " + problem).ConfigureAwait(false);
            }

            foreach (string line in lines)
            {
                await stdout.WriteLineAsync(line).ConfigureAwait(false);
            }

            await stdout.FlushAsync(cancel).ConfigureAwait(false);
            return problems.Count == 0 ? ExitCodes.Success : ExitCodes.Failure;
        });
        return command;
    }
}
