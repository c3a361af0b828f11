using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Reactive.Linq;
using TuiProcManager.CommandLine;
using TuiProcManager.Composition;
using TuiProcManager.Core.Text;
using TuiProcManager.Sessions.Recording;
using TuiProcManager.Tui.Hosting;

namespace TuiProcManager.Sessions.Replay;

/// <summary>
/// <c>tuiproc replay FILE|NAME [--speed X]</c>: a flight recording (<see cref="SessionRecorder"/>) in the full
/// UI, every panel as it was at each moment and the lab panel as it ticked; space, ← →, [ ], Home and End
/// move through it. NAME is a session's name: its newest recording in the user's recordings folder.
/// </summary>
internal static class ReplayCommand
{
    public static Command Create(TextWriter stderr, CommandLineServices services)
    {
        Argument<string> what = new("FILE|NAME")
        {
            Description = "A recording: its directory, one of its segment files (000001.tpr), or a session's name (its newest recording in $XDG_STATE_HOME/tuiproc/sessions).",
        };
        Option<double> speed = new("--speed")
        {
            Description = $"Recorded seconds per real second, from {ReplayClock.MinSpeed.ToString(CultureInfo.InvariantCulture)} to {ReplayClock.MaxSpeed.ToString(CultureInfo.InvariantCulture)} (default 1; [ and ] change it while playing).",
            HelpName = "X",
            DefaultValueFactory = _ => 1,
            CustomParser = ParseSpeed,
        };
        UiArguments ui = new(services.Resolver);
        Command command = new("replay", "Replay a session's flight recording in the full UI: every panel as it was at each moment; space pauses, ← → seek 10 s, [ ] change the speed, Home and End.")
        {
            what, speed, ui.Theme, ui.Colors, ui.NoMouse,
        };
        command.SetAction(async (parsed, _) =>
        {
            string given = parsed.GetValue(what)!;
            if (Find(given, out string? problem) is not { } path)
            {
                await stderr.WriteLineAsync("tuiproc: " + problem).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            RecordingReader? reader = RecordingReader.Open(path, out string? refusal);
            if (reader is null)
            {
                await stderr.WriteLineAsync("tuiproc: " + refusal).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            string? theme = parsed.GetValue(ui.Theme);
            if (await UiCommand.ScreenProblemAsync(theme, "replay shows a recording in the full UI: run it in a terminal (tuiproc events NAME --follow reads a live session without one)", stderr).ConfigureAwait(false) is { } unusable)
            {
                return unusable;
            }

            if (reader.Damage is { } damage)
            {
                await stderr.WriteLineAsync("tuiproc: " + damage).ConfigureAwait(false); // said in the header too
            }

            ReplayClock clock = new(reader.StartTime, reader.EndTime, parsed.GetValue(speed));
            ReplaySupervisor supervisor = new(reader, clock);
            List<string> said = [.. new[] { reader.Damage }.OfType<string>()];
            LabOptions? lab = ReplayedLab.Open(reader, clock, said);
            UiRun run = new(theme, parsed.GetValue(ui.Colors) ?? "auto", [], Problems: ReplayNotices(reader, said), lab,
                Replay: new ReplayControls(clock, reader.Session))
            {
                NoMouse = parsed.GetValue(ui.NoMouse),
            };
            (TuiExit _, int signal) = UiCommand.Run(supervisor, run, services.Resolver, clock, services.Machine, $"replay of {reader.Session}");
            return signal != 0 ? ExitCodes.Signaled(signal) : ExitCodes.Success;
        });
        return command;
    }

    /// <summary>The recording <paramref name="given"/> names: a path that exists, or a session's newest recording; null with the problem.</summary>
    internal static string? Find(string given, out string? problem)
    {
        problem = null;
        if (given.Length == 0)
        {
            problem = "replay needs a recording: its directory, a segment file, or a session's name";
            return null;
        }

        if (Directory.Exists(given) || File.Exists(given))
        {
            return given;
        }

        if (given.Contains('/', StringComparison.Ordinal) || Runtime.SessionDirectory.NameProblem(given) is not null)
        {
            problem = $"no recording at {InputText.Shorten(given)}: no such file or directory";
            return null;
        }

        RecordingsFolder? folder = RecordingsFolder.ForUser(Environment.GetEnvironmentVariable);
        if (folder?.Newest(given) is { } newest)
        {
            return newest.Directory;
        }

        problem = folder is null
            ? $"no file or directory {InputText.Shorten(given)}, and no recordings folder to look for a session of that name in (neither XDG_STATE_HOME nor HOME is set)"
            : $"no file or directory {InputText.Shorten(given)}, and no recording of a session {given} in {folder.Path}";
        return null;
    }

    /// <summary>The header's lines: the damage and the lab's problem at the start, then a reading that stopped (a segment rotated away meanwhile).</summary>
    private static IObservable<ServerNotice> ReplayNotices(RecordingReader reader, IReadOnlyList<string> atStart) =>
        atStart.ToObservable()
            .Concat(Observable.Interval(TimeSpan.FromSeconds(1)).Select(_ => reader.ReadProblem).Where(p => p is not null).Take(1)!)
            .Select(line => new ServerNotice(line!, null));

    private static double ParseSpeed(ArgumentResult result)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            && value >= ReplayClock.MinSpeed && value <= ReplayClock.MaxSpeed)
        {
            return value;
        }

        result.AddError($"--speed must be a number from {ReplayClock.MinSpeed.ToString(CultureInfo.InvariantCulture)} to {ReplayClock.MaxSpeed.ToString(CultureInfo.InvariantCulture)} (1 plays as recorded), got '{InputText.Shorten(text)}'");
        return 1;
    }
}
