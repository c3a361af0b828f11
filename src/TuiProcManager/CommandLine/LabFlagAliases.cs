using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;

namespace TuiProcManager.CommandLine;

/// <summary>
/// The flags <c>tuiproc lab</c> had before its subcommands, kept working and hidden from the help:
/// <c>LAB --check FILE</c> (<c>lab check</c>), <c>LAB --report [FILE]</c> (<c>lab report</c>) and
/// <c>LAB --reset</c> (forget the progress, then open the lab). Each picks a mode of its
/// own, so a combination that would leave one unheard is a usage error naming both: two flags at once, a
/// flag without a lab or beside a subcommand, <c>--check</c> or <c>--report</c> beside the UI's options.
/// </summary>
internal sealed class LabFlagAliases
{
    public Option<string?> Check { get; } = new("--check")
    {
        Description = "The older form of: tuiproc lab check LAB FILE.",
        HelpName = "FILE",
        Hidden = true,
    };

    public Option<string?> Report { get; } = new("--report")
    {
        Description = "The older form of: tuiproc lab report LAB [FILE].",
        HelpName = "FILE",
        Arity = ArgumentArity.ZeroOrOne,
        Hidden = true,
    };

    public Option<bool> Reset { get; } = new("--reset")
    {
        Description = "Forget the saved progress of the lab, then open it (only when the UI can start). Compare: tuiproc lab reset LAB.",
        Hidden = true,
    };

    /// <summary>Adds the flags to <paramref name="lab"/>, whose LAB argument is <paramref name="which"/>, with the check that they are used alone.</summary>
    public void AddTo(Command lab, Argument<string?> which)
    {
        ArgumentNullException.ThrowIfNull(lab);
        lab.Add(Check);
        lab.Add(Report);
        lab.Add(Reset);
        lab.Validators.Add(result =>
        {
            if (Misuse(result, which) is { } problem)
            {
                result.AddError(problem);
            }
        });
    }

    /// <summary>
    /// Adds to <paramref name="subcommand"/> of <c>lab</c> the check that nothing was given to <c>lab</c> itself
    /// before it (<c>tuiproc lab --reset open 1</c>, <c>tuiproc lab --theme X open 1</c>): the subcommand
    /// would run without it, as if it had not been typed. On the subcommand, because System.CommandLine runs
    /// the validators of the innermost command only: those of <c>lab</c> do not run then.
    /// </summary>
    public void GuardSubcommand(Command subcommand, Argument<string?> which)
    {
        ArgumentNullException.ThrowIfNull(subcommand);
        subcommand.Validators.Add(result =>
        {
            if (result.Parent is not CommandResult lab || FirstInput(lab, which, includeFlags: true, includeLab: true) is not { } before)
            {
                return;
            }

            string name = result.Command.Name;
            result.AddError(FlagGiven(lab) is { } flag
                ? $"{flag.Name} cannot be used with 'tuiproc lab {name}': use {NewForm(flag)}"
                : $"{before} cannot come before '{name}': give it after (tuiproc lab {name} LAB …)");
        });
    }

    /// <summary>Runs what <c>--check</c> or <c>--report</c> asks for; null when neither was given (the lab opens, after <c>--reset</c> if given).</summary>
    public async Task<int?> RunAsync(ParseResult parsed, LabCommandContext context, FoundLab found)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        if (parsed.GetValue(Check) is { } events)
        {
            return await LabCheckCommand.CheckAsync(context, found, events).ConfigureAwait(false);
        }

        if (parsed.GetResult(Report) is { Implicit: false })
        {
            return await LabReportCommand.ReportAsync(context, found, parsed.GetValue(Report)).ConfigureAwait(false);
        }

        return null;
    }

    /// <summary>Why the flags given to <paramref name="lab"/> cannot be run as they are; null when they can.</summary>
    private string? Misuse(CommandResult lab, Argument<string?> which)
    {
        Option[] given = [.. Flags.Where(f => lab.GetResult(f) is { Implicit: false })];
        if (given.Length == 0)
        {
            return null;
        }

        string flag = given[0].Name;
        if (given.Length > 1)
        {
            return $"{flag} and {given[1].Name} cannot be used together: use one at a time ({NewForm(given[0])}; {NewForm(given[1])})";
        }

        if (lab.GetResult(which) is not { Tokens.Count: > 0 })
        {
            return $"{flag} needs a lab: {NewForm(given[0])}";
        }

        if (given[0] != Reset && FirstInput(lab, which, includeFlags: false, includeLab: false) is { } ui)
        {
            return $"{flag} and {ui} cannot be used together: {ui} is for the UI, which {flag} does not open";
        }

        return null;
    }

    private Option[] Flags => [Check, Report, Reset];

    private Option? FlagGiven(CommandResult lab) => Flags.FirstOrDefault(f => lab.GetResult(f) is { Implicit: false });

    /// <summary>
    /// The first input given to <paramref name="lab"/> itself, as typed (an option's name, a quoted argument):
    /// the UI's options and worker specs, and the flags and the LAB argument when asked for; null when none.
    /// </summary>
    private string? FirstInput(CommandResult lab, Argument<string?> which, bool includeFlags, bool includeLab)
    {
        foreach (SymbolResult child in lab.Children)
        {
            switch (child)
            {
                case OptionResult { Implicit: false } o when o.Option is not HelpOption && (includeFlags || !Flags.Contains(o.Option)):
                    return o.IdentifierToken?.Value ?? o.Option.Name;
                case ArgumentResult { Tokens.Count: > 0 } a when includeLab || a.Argument != which:
                    return $"'{a.Tokens[0].Value}'";
                default:
                    break;
            }
        }

        return null;
    }

    private string NewForm(Option flag) =>
        flag == Check ? "tuiproc lab check LAB FILE"
        : flag == Report ? "tuiproc lab report LAB [FILE]"
        : "tuiproc lab reset LAB, then tuiproc lab LAB";
}
