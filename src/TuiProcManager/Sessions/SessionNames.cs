using System.CommandLine;
using System.CommandLine.Parsing;
using TuiProcManager.Sessions.Runtime;

namespace TuiProcManager.Sessions;

/// <summary>A session name on the command line is checked while parsing: bad input is one line, exit 2, before anything connects.</summary>
internal static class SessionNames
{
    public static Argument<string?> Validated(this Argument<string?> argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(Check);
        return argument;
    }

    public static Option<string?> Validated(this Option<string?> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(Check);
        return option;
    }

    private static void Check(SymbolResult result)
    {
        if (result.Tokens.Count > 0 && SessionDirectory.NameProblem(result.Tokens[^1].Value) is { } problem)
        {
            result.AddError(problem);
        }
    }
}
