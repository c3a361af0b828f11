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
        k / K    terminate the selected / all workers    SIGTERM, then SIGKILL after 3 s
        w        mode: parallel (all run at once) / pause-on-wait (asynchronous: a waiting worker
                 gives its run slot to the next in line, which is continued)
        + / -    one run slot more / fewer (= works as +); slots are how many may run at once
        m        start a pool: N workers take the inputs (1..20, 2,3,5)   Pool(N).map(f, inputs)
        r        bottom panel: Output -> Results (every result of every worker, Manager().dict())
                 -> Pool (inputs queued, running, done, failed; each worker); a new pool shows it
        S        run summary (makespan, times, estimates) / output; shown by itself after a
                 pause-on-wait run
        o        output back in the bottom panel; there: selected worker, or all merged
        / n N    find in the output, next, previous
        t        next theme
        q        quit (asks when workers are alive; stops them all on the way out)
        arrows, PgUp/PgDn, Home/End move in a panel; Tab moves between panels; Esc closes a dialog

        States: running (on a CPU), waiting (blocked in the kernel: sleep, I/O), paused (stopped by
        you), queued (stopped by pause-on-wait until a slot is free), starting, ended (exit code or
        signal; Python would show -15 for SIGTERM).
        """;

    public HelpDialog()
    {
        Title = "tuiproc keys";
        Width = Dim.Auto(minimumContentDim: 60);
        Height = Dim.Auto();
        Add(new Label { X = 1, Y = 0, Text = KeysText });
        AddButton(new Button { Text = "OK" });
    }
}
