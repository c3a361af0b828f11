namespace TuiProcManager.Tests.TestSupport;

/// <summary>What the app writes to its terminal, byte for byte (tmux pipe-pane).</summary>
internal sealed partial class TmuxApp
{
    /// <summary>Appends every byte the app writes to its terminal from now on to <paramref name="file"/>.</summary>
    public void PipeOutputTo(string file) => Tmux("pipe-pane", "-t", _session, "cat >> '" + file.Replace("'", "'\\''", StringComparison.Ordinal) + "'");

    /// <summary>Stops <see cref="PipeOutputTo"/>.</summary>
    public void StopPipe() => Tmux("pipe-pane", "-t", _session);
}
