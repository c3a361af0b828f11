using System.CommandLine;
using System.CommandLine.Parsing;
using TuiProcManager.Sessions.Remote;
using TuiProcManager.Sessions.Runtime;

namespace TuiProcManager.Sessions;

/// <summary>
/// A session name, a session's address (<c>NAME</c>, <c>HOST:NAME</c>, <c>HOST:</c>) or a host on the
/// command line is checked while parsing: bad input is one line, exit 2, before anything connects.
/// </summary>
internal static class SessionNames
{
    /// <summary>Accepts a session name on this host only (<c>--session NAME</c> of a new session).</summary>
    public static Argument<string?> Validated(this Argument<string?> argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(Check);
        return argument;
    }

    /// <summary>Accepts a session name on this host only (<c>--session NAME</c> of a new session).</summary>
    public static Option<string?> Validated(this Option<string?> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(Check);
        return option;
    }

    /// <summary>Accepts a session's address: <c>NAME</c>, <c>USER/NAME</c>, or <c>HOST:NAME</c> and <c>HOST:</c> on another host.</summary>
    public static Argument<string?> ValidatedAddress(this Argument<string?> argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(CheckAddress);
        return argument;
    }

    /// <summary>Accepts a session's address: <c>NAME</c>, or <c>HOST:NAME</c> and <c>HOST:</c> on another host.</summary>
    public static Option<string?> ValidatedAddress(this Option<string?> option)
    {
        ArgumentNullException.ThrowIfNull(option);
        option.Validators.Add(CheckAddress);
        return option;
    }

    /// <summary>Accepts a session on this host: <c>NAME</c>, or another user's <c>USER/NAME</c> (no host).</summary>
    public static Argument<string?> ValidatedLocal(this Argument<string?> argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0)
            {
                return;
            }

            if (!SessionAddress.TryParse(result.Tokens[^1].Value, out SessionAddress? address, out string? problem))
            {
                result.AddError(problem);
            }
            else if (address.IsRemote)
            {
                result.AddError($"'{Core.Text.InputText.Shorten(result.Tokens[^1].Value)}' is not a session name: no host here (HOST:NAME is for another host)");
            }
        });
        return argument;
    }

    /// <summary>Accepts a host for ssh, with or without the ':' of <c>HOST:</c>; an option-like word is an unknown option.</summary>
    public static Argument<string?> ValidatedHost(this Argument<string?> argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        argument.Validators.Add(result =>
        {
            if (result.Tokens.Count == 0)
            {
                return;
            }

            string host = HostOf(result.Tokens[^1].Value);
            if (host.StartsWith('-'))
            {
                result.AddError($"unknown option '{Core.Text.InputText.Shorten(host)}'");
            }
            else if (SessionAddress.HostProblem(host) is { } problem)
            {
                result.AddError(problem);
            }
        });
        return argument;
    }

    /// <summary>The host in <paramref name="text"/> as <c>ls HOST</c> takes it: <c>HOST:</c> names the same host.</summary>
    public static string HostOf(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.EndsWith(':') ? text[..^1] : text;
    }

    private static void Check(SymbolResult result)
    {
        if (result.Tokens.Count > 0 && SessionDirectory.NameProblem(result.Tokens[^1].Value) is { } problem)
        {
            result.AddError(problem);
        }
    }

    private static void CheckAddress(SymbolResult result)
    {
        if (result.Tokens.Count > 0 && !SessionAddress.TryParse(result.Tokens[^1].Value, out _, out string? problem))
        {
            result.AddError(problem);
        }
    }
}
