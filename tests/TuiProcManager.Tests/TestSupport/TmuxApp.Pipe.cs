namespace TuiProcManager.Tests.TestSupport;

/// <summary>What the app writes to its terminal, byte for byte (tmux pipe-pane).</summary>
internal sealed partial class TmuxApp
{
    /// <summary>Appends every byte the app writes to its terminal from now on to <paramref name="file"/>.</summary>
    public void PipeOutputTo(string file) => Tmux("pipe-pane", "-t", _session, "cat >> '" + file.Replace("'", "'\\''", StringComparison.Ordinal) + "'");

    /// <summary>Stops <see cref="PipeOutputTo"/>.</summary>
    public void StopPipe() => Tmux("pipe-pane", "-t", _session);

    /// <summary>
    /// Runs <c>tuiproc ARGS</c> in a new terminal of this test's tmux server (as <see cref="StartAnother"/>), every
    /// byte it writes going to <paramref name="file"/> from its very first: the terminal waits for the pipe
    /// (a file appearing) before it starts the app.
    /// </summary>
    public void StartAnotherPiped(string[] args, string file, string waitFor = "Processes")
    {
        string gate = file + ".gate";
        _session = "e2e" + (++_sessions).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Launch(_session, args, before: $"while [ ! -e {Quote(gate)} ]; do sleep 0.05; done; ");
        PipeOutputTo(file);
        File.WriteAllText(gate, "");
        WaitFor(waitFor);
        File.Delete(gate);
    }

    /// <summary>
    /// The mouse modes the app's terminal is in now, as tmux keeps them for the pane: any-event (1003),
    /// button-event (1002), normal (1000) tracking and SGR coordinates (1006); e.g. "1003 1006", "" for none.
    /// </summary>
    public string MouseModes()
    {
        string[] flags = Tmux("display-message", "-p", "-t", _session, "#{mouse_any_flag} #{mouse_button_flag} #{mouse_standard_flag} #{mouse_sgr_flag}").Trim().Split(' ');
        string[] modes = ["1003", "1002", "1000", "1006"];
        return string.Join(' ', modes.Where((_, i) => flags[i] == "1"));
    }
}
