using System.CommandLine;
using TuiProcManager.Labs.Reports;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Linux.Files;

namespace TuiProcManager.CommandLine;

/// <summary>
/// <c>tuiproc lab report LAB [FILE]</c> (and the older <c>tuiproc lab LAB --report [FILE]</c>): the student's
/// report of the lab from the saved progress, on stdout or into FILE (Markdown; JSON for a FILE ending in .json).
/// </summary>
internal static class LabReportCommand
{
    public static Command Create(LabCommandContext context)
    {
        Argument<string> which = LabCommandContext.LabArgument();
        Argument<string?> file = new("FILE")
        {
            Description = "Where to write it (created for you only; one that is there keeps its mode). Without it, the report is printed.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        Command report = new("report", "Print your report of the lab, from the saved progress, or write it to FILE: Markdown, or JSON for a FILE ending in .json.") { which, file };
        report.SetAction(async (parsed, _) => await context.FindAsync(parsed.GetRequiredValue(which)).ConfigureAwait(false) is { } found
            ? await ReportAsync(context, found, parsed.GetValue(file)).ConfigureAwait(false)
            : ExitCodes.Usage);
        return report;
    }

    /// <summary>Writes the report to <paramref name="file"/>, or to stdout when it is null; a lab not started is reported as started now.</summary>
    public static async Task<int> ReportAsync(LabCommandContext context, FoundLab found, string? file)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(found);
        LabProgress? progress = context.Store.Load(found.ProgressKey, out string? problem);
        if (problem is not null)
        {
            await context.SayAsync(problem).ConfigureAwait(false);
        }

        DateTimeOffset now = context.Clock.GetUtcNow();
        progress ??= new LabSession(found.Lab, null, now, context.Machine.Cores).Progress(now);
        bool json = file?.EndsWith(".json", StringComparison.OrdinalIgnoreCase) == true;
        string text = json
            ? LabReport.JsonText(found.Lab, progress, Environment.UserName, Environment.MachineName)
            : LabReport.Markdown(found.Lab, progress, Environment.UserName, Environment.MachineName);
        if (file is null)
        {
            await context.Stdout.WriteAsync(text).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        if (ReportFile.Write(OutputFileOpener.Instance, file, text, out string? note) is { } writeProblem)
        {
            await context.SayAsync(writeProblem).ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        if (note is not null)
        {
            await context.SayAsync(note).ConfigureAwait(false);
        }

        await context.Stdout.WriteLineAsync($"report written to {file}").ConfigureAwait(false);
        return ExitCodes.Success;
    }
}
