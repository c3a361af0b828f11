using System.Globalization;
using TuiProcManager.Composition;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Text;
using TuiProcManager.Labs.Catalog;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Sessions;

namespace TuiProcManager.CommandLine;

/// <summary><c>tuiproc lab</c> alone: the labs that ship, with the student's progress in each.</summary>
internal static class LabListCommand
{
    /// <summary>Lists the labs; exit code 1 when none ship (each unreadable shipped file is said on stderr).</summary>
    public static async Task<int> ListAsync(LabCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        LabCatalog catalog = LabCommandContext.Catalog();
        foreach (string problem in catalog.Problems)
        {
            await context.SayAsync("shipped lab " + problem).ConfigureAwait(false);
        }

        if (catalog.Labs.Count == 0)
        {
            await context.SayAsync($"no labs found in {catalog.Directory}").ConfigureAwait(false);
            return ExitCodes.Failure;
        }

        TextWriter stdout = context.Stdout;
        await stdout.WriteLineAsync("Labs (tuiproc lab N opens one; tuiproc lab FILE opens a lab file of your own; tuiproc lab --help for check, report, reset):").ConfigureAwait(false);
        int nameWidth = catalog.Labs.Max(l => l.Name.Length);
        int titleWidth = catalog.Labs.Max(l => l.Title.Length);
        foreach (Lab lab in catalog.Labs)
        {
            LabProgress? p = context.Store.Load(ProgressStore.KeyFor(lab.Id, lab.Source, shipped: true), out string? problem);
            if (problem is not null)
            {
                await context.SayAsync(problem).ConfigureAwait(false);
            }

            int done = p is null ? 0 : lab.Steps.Count(s => p.Steps.GetValueOrDefault(s.Id)?.DoneAt is not null);
            string progress = p?.FinishedAt is not null ? "finished" : done > 0 ? $"{done} of {lab.Steps.Length} done" : "not started";
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {lab.Id,-3} {lab.Name.PadRight(nameWidth)}  {lab.Title.PadRight(titleWidth)}  {lab.Steps.Length,2} {Plural.Noun(lab.Steps.Length, "step"),-5}  {progress}{(lab.SharedWith.IsEmpty ? "" : $"  (shared with {string.Join(", ", lab.SharedWith)})")}")).ConfigureAwait(false);
        }

        await stdout.WriteLineAsync($"Progress is saved in {context.Store.Directory ?? "(nowhere: no home directory)"}; the format of lab files is in {FormatReadme()}.").ConfigureAwait(false);
        return ExitCodes.Success;
    }

    /// <summary>Where the lab file format is described: labs/README.md beside the app, else in the source (the binary carries it built in, where no one can open it).</summary>
    private static string FormatReadme() => ShippedContent.Labs.Find("README.md") is { } readme && !BuiltInFiles.IsBuiltIn(readme)
        ? readme
        : "README.md of the labs (src/TuiProcManager.Labs/Content/README.md in tuiproc's source)";
}
