using System.CommandLine;
using System.Globalization;
using TuiProcManager.Core.Text;
using TuiProcManager.Headless;

namespace TuiProcManager.CommandLine;

/// <summary>
/// <c>tuiproc lab check LAB FILE</c> (and the older <c>tuiproc lab LAB --check FILE</c>): a recorded event
/// stream graded against the lab, headless. Exit code 0 when every step is done, 1 when not, 2 when the
/// file cannot be read or is not an event stream.
/// </summary>
internal static class LabCheckCommand
{
    public static Command Create(LabCommandContext context)
    {
        Argument<string> which = LabCommandContext.LabArgument();
        Argument<string> file = new("FILE") { Description = "The recorded events: JSON Lines from --events, of tuiproc run or of the UI (with the answers and hints given in it)." };
        Command check = new("check", "Grade a recorded run against the lab, without a terminal: what was done when, and what was not (and what it waits for). Exit code 0 when every step is done, 1 when not.") { which, file };
        check.SetAction(async (parsed, _) => await context.FindAsync(parsed.GetRequiredValue(which)).ConfigureAwait(false) is { } found
            ? await CheckAsync(context, found, parsed.GetRequiredValue(file)).ConfigureAwait(false)
            : ExitCodes.Usage);
        return check;
    }

    /// <summary>Replays <paramref name="path"/> through a session of the lab and prints how far it got.</summary>
    public static async Task<int> CheckAsync(LabCommandContext context, FoundLab found, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(found);
        EventFileReader reader = new();
        LabCheck.Outcome outcome;
        try
        {
            if (Directory.Exists(path))
            {
                throw new IOException("it is a directory");
            }

            outcome = LabCheck.Replay(found.Lab, reader.Items(path, path), context.Machine, context.Clock);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            string message = e is InvalidDataException ? e.Message : $"cannot read the events file '{InputText.Shorten(path, 200)}': {(e.Message == "it is a directory" ? e.Message : FileErrorText.Of(e))}";
            await context.SayAsync(message.ReplaceLineEndings(" ")).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        TextWriter stdout = context.Stdout;
        foreach (string line in LabCheck.Lines(outcome, path, reader.Read))
        {
            await stdout.WriteLineAsync(line).ConfigureAwait(false);
        }

        if (reader.Skipped > 0)
        {
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"({Plural.Of(reader.Skipped, "line")} of types this tuiproc does not know {(reader.Skipped == 1 ? "was" : "were")} skipped)")).ConfigureAwait(false);
        }

        if (reader.LastLineCut)
        {
            string events = reader.Read == 1 ? "the event" : "the " + Plural.Of(reader.Read, "event");
            await stdout.WriteLineAsync($"note: the last line of {TerminalText.Sanitize(path)} is cut (its writer stopped mid-line); {events} before it {(reader.Read == 1 ? "was" : "were")} checked").ConfigureAwait(false);
        }

        return outcome.Done ? ExitCodes.Success : ExitCodes.Failure;
    }
}
