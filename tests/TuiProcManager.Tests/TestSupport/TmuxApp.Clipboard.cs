namespace TuiProcManager.Tests.TestSupport;

/// <summary>tmux's clipboard: what an application's OSC 52 puts in its paste buffers (with <c>set-clipboard on</c>).</summary>
internal sealed partial class TmuxApp
{
    /// <summary>Sets a server option of this test's tmux (<c>set -s NAME VALUE</c>).</summary>
    public void SetServerOption(string name, string value) => Tmux("set", "-s", name, value);

    /// <summary>The newest paste buffer's text, or null while there is none.</summary>
    public string? NewestBuffer() =>
        Tmux("list-buffers", "-F", "#{buffer_name}").Length == 0 ? null : Tmux("show-buffer");

    /// <summary>
    /// Types <paramref name="text"/> as the terminal would send it (<c>send-keys -l</c>): an SGR mouse report
    /// (<c>ESC [ &lt; button ; column ; row M</c>) reaches the app as from a real mouse.
    /// </summary>
    public void SendLiteral(string text) => Tmux("send-keys", "-t", _session, "-l", text);
}
