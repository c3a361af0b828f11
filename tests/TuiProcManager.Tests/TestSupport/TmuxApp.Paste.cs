namespace TuiProcManager.Tests.TestSupport;

internal sealed partial class TmuxApp
{
    /// <summary>
    /// Pastes <paramref name="text"/> as a terminal does: through a tmux buffer (load-buffer from a file, so
    /// its size is not bounded by an argument's). <paramref name="bracketed"/>: wrapped in ESC[200~ … ESC[201~
    /// as the app asked for (paste-buffer -p); otherwise as plain keystrokes.
    /// </summary>
    public void Paste(string text, bool bracketed)
    {
        string file = Path.Combine(ConfigHome, "paste-" + Guid.NewGuid().ToString("N") + ".txt");
        File.WriteAllText(file, text);
        Tmux("load-buffer", file);
        Tmux(bracketed ? ["paste-buffer", "-p", "-t", _session] : ["paste-buffer", "-t", _session]);
        File.Delete(file);
    }
}
