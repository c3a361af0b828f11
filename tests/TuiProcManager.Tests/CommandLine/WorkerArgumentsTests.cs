using System.CommandLine;
using System.Diagnostics.CodeAnalysis;
using TuiProcManager.CommandLine;
using TuiProcManager.Core.Os;

namespace TuiProcManager.Tests.CommandLine;

/// <summary>
/// <c>--cmd</c>'s program is looked up while parsing by the resolver the command line is given (the one the
/// composition root registers), not by a static one of its own, so that the command line and the UI's
/// command dialog agree on what can run.
/// </summary>
public sealed class WorkerArgumentsTests
{
    [Fact]
    public void Cmd_IsCheckedByTheResolverItIsGiven_ARefusal()
    {
        ParseResult parsed = Parse(new OnlyResolver("allowed"), "--cmd", "true");

        Assert.Equal("'true' is not allowed here", Assert.Single(parsed.Errors).Message);
    }

    [Fact]
    public void Cmd_IsCheckedByTheResolverItIsGiven_AProgramNotOnPath()
    {
        ParseResult parsed = Parse(new OnlyResolver("no-such-program-xyz"), "--cmd", "no-such-program-xyz --flag");

        Assert.Empty(parsed.Errors);
    }

    private static ParseResult Parse(IExecutableResolver resolver, params string[] args)
    {
        WorkerArguments workers = new(resolver);
        RootCommand root = new();
        workers.AddTo(root, requireWorkers: true);
        return root.Parse(args);
    }

    /// <summary>A resolver that knows one program, wherever PATH says it is.</summary>
    private sealed class OnlyResolver(string known) : IExecutableResolver
    {
        public bool TryResolve(string program, [NotNullWhen(true)] out string? path, [NotNullWhen(false)] out string? error)
        {
            bool found = program == known;
            path = found ? "/opt/" + known : null;
            error = found ? null : $"'{program}' is not allowed here";
            return found;
        }
    }
}
