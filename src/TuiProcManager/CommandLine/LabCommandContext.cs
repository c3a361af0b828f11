using System.CommandLine;
using TuiProcManager.Composition;
using TuiProcManager.Core.Os;
using TuiProcManager.Labs.Catalog;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Linux.Files;

namespace TuiProcManager.CommandLine;

/// <summary>
/// What every <c>tuiproc lab</c> command works with, passed in so that tests can state it: where it
/// writes, the clock and the machine's facts (from the composition root), the resolver <c>--cmd</c> is
/// checked with, and where the student's progress is kept. Also the steps they share: the LAB argument
/// and finding the lab it names.
/// </summary>
/// <param name="Stdout">Where results go.</param>
/// <param name="Stderr">Where one-line problems go, each starting with <c>tuiproc: </c>.</param>
/// <param name="Clock">Wall-clock time (a report of a lab not started yet is dated now).</param>
/// <param name="Machine">The machine's cores, for the labs' <c>{cores}</c> until a recording says.</param>
/// <param name="Resolver">Checks <c>--cmd</c>'s program while parsing the UI's options.</param>
/// <param name="Store">The student's saved progress.</param>
internal sealed record LabCommandContext(
    TextWriter Stdout,
    TextWriter Stderr,
    TimeProvider Clock,
    MachineFacts Machine,
    IExecutableResolver Resolver,
    ProgressStore Store)
{
    /// <summary>The context of the user's own command line: <paramref name="services"/> from the composition root, the user's progress.</summary>
    public static LabCommandContext ForUser(TextWriter stdout, TextWriter stderr, CommandLineServices services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return new(stdout, stderr, services.Clock, services.Machine, services.Resolver, ProgressStore.ForUser(RegularFileReader.Instance));
    }

    /// <summary>What a LAB argument is, in every command's help.</summary>
    public const string LabHelp = "The lab: its number (1), its name (lesson), or the path of a lab file.";

    /// <summary>A required LAB argument.</summary>
    public static Argument<string> LabArgument() => new("LAB") { Description = LabHelp };

    /// <summary>The labs that ship (built in, and labs/ beside the app).</summary>
    public static LabCatalog Catalog() => LabCatalog.Load(ShippedContent.Labs);

    /// <summary>Writes <paramref name="problem"/> as one line on <see cref="Stderr"/>.</summary>
    public Task SayAsync(string problem) => Stderr.WriteLineAsync("tuiproc: " + problem);

    /// <summary>The lab <paramref name="wanted"/> names (<see cref="LabCatalog.Find"/>) and its progress key; null, said on stderr, when there is none.</summary>
    public async Task<FoundLab?> FindAsync(string wanted)
    {
        LabCatalog catalog = Catalog();
        try
        {
            Lab lab = catalog.Find(wanted);
            bool shipped = catalog.IsShipped(lab);
            return new FoundLab(lab, ProgressStore.KeyFor(lab.Id, lab.Source, shipped), shipped ? lab.Id : lab.Source);
        }
        catch (Exception e) when (e is LabFormatException or KeyNotFoundException)
        {
            await SayAsync(e is KeyNotFoundException ? e.Message : "lab file " + e.Message).ConfigureAwait(false);
            return null;
        }
    }
}
