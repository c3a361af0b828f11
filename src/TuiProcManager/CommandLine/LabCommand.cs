using System.CommandLine;
using TuiProcManager.Sessions;

namespace TuiProcManager.CommandLine;

/// <summary>
/// <c>tuiproc lab</c>: the labs that ship (a list). <c>tuiproc lab LAB</c> or <c>tuiproc lab open LAB</c>: the UI
/// with the lab open. <c>tuiproc lab check LAB FILE</c>: a recorded event stream graded against it, headless.
/// <c>tuiproc lab report LAB [FILE]</c>: the student's report from the saved progress. <c>tuiproc lab reset
/// LAB</c>: forget the saved progress. The older flags <c>--check</c>, <c>--report</c> and <c>--reset</c>
/// work as before (<see cref="LabFlagAliases"/>).
/// </summary>
/// <remarks>
/// A subcommand's name is taken before a lab's: the shipped labs are numbers and names (1 lesson …
/// 5 pool), none of them <c>open</c>, <c>check</c>, <c>report</c> or <c>reset</c>; a lab of one's own named
/// so is opened with <c>tuiproc lab open NAME</c> (or its path, <c>./check</c>).
/// </remarks>
internal static class LabCommand
{
    public static Command Create(LabCommandContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // The same description as the subcommands' LAB: the help of `lab check` lists lab's arguments too, and
        // shows two rows that are the same as one.
        Argument<string?> which = new("LAB") { Description = LabCommandContext.LabHelp, Arity = ArgumentArity.ZeroOrOne };
        UiArguments ui = new(context.Resolver);
        SessionArguments session = new();
        LabFlagAliases aliases = new();
        Command lab = new("lab", "Keyboard-driven lab exercises, checked live from what the workers do. tuiproc lab lists the labs and your progress; tuiproc lab LAB opens one in the UI (as tuiproc lab open LAB); the commands below check a recorded run, report or reset your progress.")
        {
            which,
            LabOpenCommand.Create(context),
            LabCheckCommand.Create(context),
            LabReportCommand.Create(context),
            LabResetCommand.Create(context),
        };
        ui.AddTo(lab);
        session.AddTo(lab);
        aliases.AddTo(lab, which);
        foreach (Command subcommand in lab.Subcommands)
        {
            aliases.GuardSubcommand(subcommand, which);
        }

        lab.SetAction(async (parsed, _) =>
        {
            if (parsed.GetValue(which) is not { } wanted)
            {
                return await LabListCommand.ListAsync(context).ConfigureAwait(false);
            }

            if (await context.FindAsync(wanted).ConfigureAwait(false) is not { } found)
            {
                return ExitCodes.Usage;
            }

            return await aliases.RunAsync(parsed, context, found).ConfigureAwait(false)
                ?? await LabOpenCommand.OpenAsync(context, parsed, ui, session, found, resetFirst: parsed.GetValue(aliases.Reset)).ConfigureAwait(false);
        });
        return lab;
    }
}
