using TuiProcManager.Core.Text;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Sessions.Remote;

/// <summary>
/// The ssh command line that runs <c>tuiproc</c> on another host: <c>ssh -T -x -a HOST tuiproc ARGS…</c>,
/// with <c>ssh</c> from the PATH, or the command in <c>$TUIPROC_SSH</c> (as git's GIT_SSH_COMMAND:
/// <c>TUIPROC_SSH='ssh -F ~/lab.config'</c>), split into words as <c>--cmd</c> is, never by a shell.
/// </summary>
/// <remarks>
/// <c>-T</c>: no terminal on the far side, so every byte of the protocol passes untouched (a terminal would
/// turn \n into \r\n, and take ~. and Ctrl+C for itself). <c>-x -a</c>: no X11 or agent forwarding, which a
/// protocol pipe never needs, whatever the user's configuration forwards to that host. Everything else
/// (user, port, keys, jump hosts, multiplexing) is the user's ssh configuration's.
/// </remarks>
/// <param name="Program">The ssh command's words: its program and its own options.</param>
internal sealed record SshCommand(IReadOnlyList<string> Program)
{
    /// <summary>The environment variable that replaces <c>ssh</c>.</summary>
    public const string Variable = "TUIPROC_SSH";

    /// <summary>The program run on the other host (found on its PATH by its shell).</summary>
    public const string RemoteProgram = "tuiproc";

    /// <summary>What is always passed to ssh after the user's words: see the remarks.</summary>
    private static readonly string[] LinkOptions = ["-T", "-x", "-a"];

    /// <summary>The ssh command of this environment.</summary>
    /// <param name="environment">Reads an environment variable (<see cref="Variable"/>, HOME).</param>
    /// <exception cref="ArgumentException"><see cref="Variable"/> cannot be split into words (one line).</exception>
    public static SshCommand FromEnvironment(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        string? text = environment(Variable);
        if (string.IsNullOrWhiteSpace(text))
        {
            return new SshCommand(["ssh"]);
        }

        return CommandLineSplitter.TrySplit(text, environment("HOME"), out IReadOnlyList<string>? words, out string? error)
            ? new SshCommand(words)
            : throw new ArgumentException($"{Variable}='{InputText.Shorten(text)}' cannot be used: {error}");
    }

    /// <summary>The program to start.</summary>
    public string FileName => Program[0];

    /// <summary>
    /// The arguments that run <c>tuiproc <paramref name="remoteArguments"/></c> on <paramref name="host"/>.
    /// ssh joins the remote words with spaces for the remote user's shell: each one must be a plain word
    /// (a session name, an option), which the callers' validation guarantees.
    /// </summary>
    public IReadOnlyList<string> Arguments(string host, IReadOnlyList<string> remoteArguments)
    {
        ArgumentNullException.ThrowIfNull(remoteArguments);
        if (SessionAddress.HostProblem(host) is { } problem)
        {
            throw new ArgumentException(problem, nameof(host));
        }

        if (remoteArguments.FirstOrDefault(a => !IsPlainWord(a)) is { } unsafeWord)
        {
            throw new ArgumentException($"'{InputText.Shorten(unsafeWord)}' is not a plain word for the remote shell", nameof(remoteArguments));
        }

        return [.. Program.Skip(1), .. LinkOptions, host, RemoteProgram, .. remoteArguments];
    }

    private static bool IsPlainWord(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '/'); // '/': USER/NAME, plain in any shell

    /// <summary>The whole command, for people (a failure to start it names it).</summary>
    public override string ToString() => string.Join(' ', Program);
}
