using System.CommandLine;
using System.Globalization;
using TuiProcManager.Composition;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Text;
using TuiProcManager.Headless;
using TuiProcManager.Labs.Catalog;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Reports;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Linux.Files;
using TuiProcManager.Tui.Hosting;

namespace TuiProcManager.CommandLine;

/// <summary>
/// <c>tuiproc lab</c>: the labs that ship (a list); <c>tuiproc lab N</c>: the UI with lab N open;
/// <c>--check FILE</c>: a recorded event stream checked against it, headless; <c>--report</c>: the
/// student's report from the saved progress; <c>--reset</c>: start over.
/// </summary>
internal static class LabCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        UiArguments ui = new();
        Argument<string?> which = new("LAB")
        {
            Description = "The lab: its number (1), its name (lesson), or the path of a lab file. Without it, the labs are listed.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        Option<string?> check = new("--check")
        {
            Description = "Check a recorded event stream (JSON Lines from --events, of tuiproc run or the UI) against the lab, without a terminal. Exit code 0 when every step is done, 1 when not.",
            HelpName = "FILE",
        };
        Option<string?> report = new("--report")
        {
            Description = "Print your report of the lab (from the saved progress), or write it to FILE: Markdown, or JSON for a FILE ending in .json.",
            HelpName = "FILE",
            Arity = ArgumentArity.ZeroOrOne,
        };
        Option<bool> reset = new("--reset") { Description = "Forget the saved progress of the lab and start it over." };
        Command lab = new("lab", "Keyboard-driven lab exercises, checked live from what the workers do. Without LAB, lists the labs.") { which, check, report, reset };
        ui.AddTo(lab);
        lab.SetAction(async (parsed, _) =>
        {
            LabCatalog catalog = LabCatalog.Load(ShippedContent.Labs);
            string? wanted = parsed.GetValue(which);
            if (wanted is null)
            {
                return await ListAsync(catalog, stdout, stderr).ConfigureAwait(false);
            }

            Lab found;
            try
            {
                found = catalog.Find(wanted);
            }
            catch (Exception e) when (e is LabFormatException or KeyNotFoundException)
            {
                await stderr.WriteLineAsync("tuiproc: " + (e is KeyNotFoundException ? e.Message : "lab file " + e.Message)).ConfigureAwait(false);
                return ExitCodes.Usage;
            }

            ProgressStore store = ProgressStore.ForUser(RegularFileReader.Instance);
            string key = ProgressStore.KeyFor(found.Id, found.Source, catalog.IsShipped(found));
            if (parsed.GetValue(check) is { } events)
            {
                return await CheckAsync(found, events, stdout, stderr).ConfigureAwait(false);
            }

            if (parsed.GetResult(report) is { Implicit: false })
            {
                return await ReportAsync(found, store, key, parsed.GetValue(report), stdout, stderr).ConfigureAwait(false);
            }

            // Reset only when the UI can start: without a terminal the UI refuses, and nothing may be lost then.
            bool terminal = !Console.IsInputRedirected && !Console.IsOutputRedirected;
            if (parsed.GetValue(reset) && terminal && store.Reset(key) is { } resetProblem)
            {
                await stderr.WriteLineAsync("tuiproc: " + resetProblem).ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            LabProgress? saved = store.Load(key, out string? problem);
            LabOptions options = new() { Lab = found, Store = store, ProgressKey = key, Saved = saved, Problem = problem, Files = OutputFileOpener.Instance };
            return await UiCommand.RunAsync(parsed, ui, stderr, options).ConfigureAwait(false);
        });
        return lab;
    }

    private static async Task<int> ListAsync(LabCatalog catalog, TextWriter stdout, TextWriter stderr)
    {
        foreach (string problem in catalog.Problems)
        {
            await stderr.WriteLineAsync("tuiproc: shipped lab " + problem).ConfigureAwait(false);
        }

        if (catalog.Labs.Count == 0)
        {
            await stderr.WriteLineAsync($"tuiproc: no labs found in {catalog.Directory}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        ProgressStore store = ProgressStore.ForUser(RegularFileReader.Instance);
        await stdout.WriteLineAsync("Labs (tuiproc lab N opens one; tuiproc lab FILE opens a lab file of your own):").ConfigureAwait(false);
        int nameWidth = catalog.Labs.Max(l => l.Name.Length);
        int titleWidth = catalog.Labs.Max(l => l.Title.Length);
        foreach (Lab lab in catalog.Labs)
        {
            LabProgress? p = store.Load(ProgressStore.KeyFor(lab.Id, lab.Source, shipped: true), out string? problem);
            if (problem is not null)
            {
                await stderr.WriteLineAsync("tuiproc: " + problem).ConfigureAwait(false);
            }

            int done = p is null ? 0 : lab.Steps.Count(s => p.Steps.GetValueOrDefault(s.Id)?.DoneAt is not null);
            string progress = p?.FinishedAt is not null ? "finished" : done > 0 ? $"{done} of {lab.Steps.Length} done" : "not started";
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {lab.Id,-3} {lab.Name.PadRight(nameWidth)}  {lab.Title.PadRight(titleWidth)}  {lab.Steps.Length,2} {Plural.Noun(lab.Steps.Length, "step"),-5}  {progress}")).ConfigureAwait(false);
        }

        await stdout.WriteLineAsync($"Progress is saved in {store.Directory ?? "(nowhere: no home directory)"}; the format of lab files is in {FormatReadme()}.").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Where the lab file format is described: labs/README.md beside the app, else in the source (the binary carries it built in, where no one can open it).</summary>
    private static string FormatReadme() => ShippedContent.Labs.Find("README.md") is { } readme && !BuiltInFiles.IsBuiltIn(readme)
        ? readme
        : "README.md of the labs (src/TuiProcManager.Labs/Content/README.md in tuiproc's source)";

    private static async Task<int> CheckAsync(Lab lab, string path, TextWriter stdout, TextWriter stderr)
    {
        EventFileReader reader = new();
        LabCheck.Outcome outcome;
        try
        {
            if (Directory.Exists(path))
            {
                throw new IOException("it is a directory");
            }

            outcome = LabCheck.Replay(lab, reader.Items(path, path), Environment.ProcessorCount);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            string message = e is InvalidDataException ? e.Message : $"cannot read the events file '{InputText.Shorten(path, 200)}': {(e.Message == "it is a directory" ? e.Message : FileErrorText.Of(e))}";
            await stderr.WriteLineAsync("tuiproc: " + message.ReplaceLineEndings(" ")).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

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

    private static async Task<int> ReportAsync(Lab lab, ProgressStore store, string key, string? file, TextWriter stdout, TextWriter stderr)
    {
        LabProgress? progress = store.Load(key, out string? problem);
        if (problem is not null)
        {
            await stderr.WriteLineAsync("tuiproc: " + problem).ConfigureAwait(false);
        }

        progress ??= new LabSession(lab, null, DateTimeOffset.UtcNow, Environment.ProcessorCount).Progress(DateTimeOffset.UtcNow);
        bool json = file?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true;
        string text = json
            ? LabReport.JsonText(lab, progress, Environment.UserName, Environment.MachineName)
            : LabReport.Markdown(lab, progress, Environment.UserName, Environment.MachineName);
        if (file is null)
        {
            await stdout.WriteAsync(text).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (ReportFile.Write(OutputFileOpener.Instance, file, text, out string? note) is { } writeProblem)
        {
            await stderr.WriteLineAsync("tuiproc: " + writeProblem).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (note is not null)
        {
            await stderr.WriteLineAsync("tuiproc: " + note).ConfigureAwait(false);
        }

        await stdout.WriteLineAsync($"report written to {file}").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
