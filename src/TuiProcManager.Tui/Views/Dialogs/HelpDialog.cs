using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TuiProcManager.Tui.Views.Dialogs;

/// <summary>The keys, and what each does in the lesson's terms (F1 or ?).</summary>
internal sealed class HelpDialog : Dialog
{
    internal const string KeysText = """
        s / c    spawn a square / cube worker      multiprocessing.Process(target=…).start()
        x        run a command as a worker (no shell), e.g. python3 lesson.py
        p        pause / resume the selected worker      SIGSTOP / SIGCONT to its process group
        j / J    join the selected worker / all          p.join() (the UI keeps going while it waits)
        T        join the selected worker, with a timeout      p.join(2): gives up, the worker runs on
        k / K    terminate the selected / all workers    p.terminate(); here the group, SIGKILL at 3 s
        9, F9    kill the selected worker                p.kill(): SIGKILL; here to the whole group
        w  + -   mode: parallel (all at once) / pause-on-wait (a waiting worker gives its run slot
                 to the next in line); + / - one run slot more / fewer (= works as +)
        m        start a pool: N workers take the inputs (1..20, 2,3,5)   Pool(N).map(f, inputs)
        r  S  o  bottom panel: Output -> Results (Manager().dict()) -> Pool; S the run summary;
                 o the output back, or all workers merged, or the split;  / n N  find in the output
        b  B     split output: the selected worker in / out (2 to 4 panes); B side by side / stacked
        f  F     output: stdout and stderr / stdout only / stderr only;  F each line's time (read at)
        e        Explain: what each action and change means (Python call, system calls, traps)
        L h a E  in a lab (tuiproc lab N): the lab panel, a hint, answer the question, save a report
        t  q     next theme;  quit (asks y/n when workers are alive; stops them all on the way out)
        d        detach: the session and its workers go on; tuiproc attach brings the screen back
        Ctrl+C   stop every worker and quit at once, in a dialog too (exit code 130)
        arrows, PgUp/PgDn, Home/End move in a panel; Tab moves between panels; Esc closes a dialog
        States: running (on a CPU), waiting (blocked in the kernel: sleep, I/O), paused (stopped by
        you), queued (stopped by pause-on-wait until a slot is free), starting, ended.
        """;

    /// <summary>What comes first in a replay (tuiproc replay): the player's keys, then the rest, of which those that act are refused.</summary>
    internal const string ReplayKeysText = """
        A replay (tuiproc replay): the recording's moments, nothing runs; keys that act are refused.
        space    pause / play on (at the end: from the start again)
        <- ->    10 s back / forward;   Home / End  the first / last moment
        [ ]      slower / faster (x0.25 to x64)
        q        close the replay
        """;

    private readonly SummaryView _lines;
    private readonly int _longest; // columns of the longest key line

    /// <param name="ascii">Only ASCII in what the dialog adds (the Linux console).</param>
    /// <param name="message">The header's message, shown first when the header had to cut it.</param>
    /// <param name="replay">The UI replays a recording: the player's keys first.</param>
    public HelpDialog(bool ascii, string? message = null, bool replay = false)
    {
        Title = "tuiproc keys";
        List<string> lines = [.. ((replay ? ReplayKeysText + "\n" : "") + KeysText).ReplaceLineEndings("\n").Split('\n')];
        if (message is not null)
        {
            lines.InsertRange(0, ["Last message: " + message, ""]);
        }

        // As wide as the longest key line (plus border and margins), never wider or taller than the screen:
        // on a small one the lines wrap and scroll (arrows, PgUp/PgDn), and the last row says how many more.
        _longest = KeysText.ReplaceLineEndings("\n").Split('\n').Max(l => l.GetColumns());
        Width = Dim.Func(_ => DialogWidth());
        Height = Dim.Func(_ => Math.Min(Screen().Height, SummaryView.Wrap(lines, LineWidth()).Count + GetAdornmentsThickness().Vertical));
        _lines = new SummaryView(ascii) { X = 1, Y = 0, Width = Dim.Fill(1), Height = Dim.Fill() };
        _lines.Show(lines, fromTop: true, roles: [.. lines.Select(_ => (string?)null)]);
        Add(_lines);
        AddButton(new Button { Text = "OK" });
        IsRunningChanged += (_, e) =>
        {
            if (e.Value)
            {
                _lines.SetFocus(); // arrows scroll the keys; Enter is still OK, Esc still closes
            }
        };
    }

    /// <summary>Rows shown as the help is now wrapped (for tests).</summary>
    internal SummaryView Lines => _lines;

    /// <summary>Columns for the lines: the dialog's width less its border, shadow and a column each side.</summary>
    private int LineWidth() => Math.Max(1, DialogWidth() - GetAdornmentsThickness().Horizontal - 2);

    private int DialogWidth() => Math.Min(_longest + 2 + GetAdornmentsThickness().Horizontal, Screen().Width);

    private System.Drawing.Size Screen() => App?.Screen.Size is { Width: > 0, Height: > 0 } size ? size : new System.Drawing.Size(200, 100);
}
