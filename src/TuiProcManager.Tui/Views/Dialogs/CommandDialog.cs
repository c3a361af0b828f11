using TuiProcManager.Core.Os;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Views.Dialogs;

/// <summary>
/// Asks for a command to run as a worker (<c>python3 lesson.py</c>). It is split into words as a shell
/// would, but no shell runs: pipes, redirections and globs are refused with a message.
/// </summary>
internal sealed class CommandDialog : FormDialog
{
    private readonly InputField _command;
    private readonly IExecutableResolver _resolver;

    public CommandDialog(IExecutableResolver resolver, string? initial = null)
        : base("Run a command as a worker (no shell)", "Run", 72, 2)
    {
        _resolver = resolver;
        _command = AddField(0, "command", initial ?? "", 54);
        Add(new Terminal.Gui.Views.Label { X = 14, Y = 1, Text = "e.g. python3 lesson.py", SchemeName = Theming.Roles.Hint });
    }

    /// <summary>The spec, once accepted.</summary>
    public WorkerSpec? Spec { get; private set; }

    protected override string? Validate()
    {
        string? problem = Check(_command.Text, _resolver, out WorkerSpec? spec);
        Spec = spec;
        return problem;
    }

    /// <summary>
    /// The worker <paramref name="command"/> stands for, or the one-line problem with it: shell syntax, a
    /// program that is not there, an argument exec would refuse (over 128 KiB, or 1 MiB in all).
    /// </summary>
    internal static string? Check(string command, IExecutableResolver resolver, out WorkerSpec? spec)
    {
        spec = null;
        if (!CommandLineSplitter.TrySplit(command, Environment.GetEnvironmentVariable("HOME"), out IReadOnlyList<string>? argv, out string? error)
            || !ArgumentLimits.TryCheck(argv, "the command", out error)
            || !resolver.TryResolve(argv[0], out _, out error))
        {
            return error;
        }

        spec = WorkerSpec.Command(argv);
        return null;
    }
}
