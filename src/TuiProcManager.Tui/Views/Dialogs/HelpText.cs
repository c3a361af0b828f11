using System.Text.RegularExpressions;
using TuiProcManager.Tui.Input;

namespace TuiProcManager.Tui.Views.Dialogs;

/// <summary>
/// The help screen's lines (<see cref="HelpDialog"/>), with the user's keys: each line is a column of keys
/// and what they do, written with action names in braces that become the action's keys (all of them, as
/// <c>9, F9</c>; <c>(no key)</c> when it has none). The key column is as wide as its widest entry.
/// </summary>
internal static partial class HelpText
{
    /// <summary>The main window's keys: the keys' column, what they do (a '\n' continues it on a line of its own).</summary>
    private static readonly (string Keys, string Text)[] MainLines =
    [
        ("{spawn-square} / {spawn-cube}", "spawn a square / cube worker      multiprocessing.Process(target=…).start()"),
        ("{run-command}", "run a command as a worker (no shell), e.g. python3 lesson.py"),
        ("{pause-resume}", "pause / resume the selected worker      SIGSTOP / SIGCONT to its process group"),
        ("{join} / {join-all}", "join the selected worker / all          p.join() (the UI keeps going while it waits)"),
        ("{join-timeout}", "join the selected worker, with a timeout      p.join(2): gives up, the worker runs on"),
        ("{terminate} / {terminate-all}", "terminate the selected / all workers    p.terminate(); here the group, SIGKILL at 3 s"),
        ("{kill}", "kill the selected worker                p.kill(): SIGKILL; here to the whole group"),
        ("{toggle-mode}", "mode: parallel (all at once) / pause-on-wait (a waiting worker gives its run slot\nto the next in line)"),
        ("{more-slots} / {fewer-slots}", "one run slot more / fewer"),
        ("{start-pool}", "start a pool: N workers take the inputs (1..20, 2,3,5)   Pool(N).map(f, inputs)"),
        ("{next-view}", "bottom panel: Output -> Results (Manager().dict()) -> Pool"),
        ("{toggle-summary}", "the run summary;  {toggle-output}  the output back, or all workers merged, or the split"),
        ("{split-worker} {split-layout}", "split output: the selected worker in / out (2 to 4 panes); side by side / stacked"),
        ("{output-filter} {timestamps}", "output: stdout and stderr / stdout only / stderr only;  each line's time (read at)"),
        ("{select-output} {copy-output}", "select lines, then copy (OSC 52 and a file);  with no selection: save and copy it all"),
        ("{search} {search-next} {search-previous}", "find in the output, the next / previous match"),
        ("{toggle-explain}", "Explain: what each action and change means (Python call, system calls, traps)"),
        ("{toggle-lab} {hint} {answer} {export-report}", "in a lab (tuiproc lab N): the lab panel, a hint, answer the question, save a report"),
        ("{next-theme}", "next theme"),
        ("{quit}", "quit (asks y/n when workers are alive; stops them all on the way out)"),
        ("{detach}", "detach: the session and its workers go on; tuiproc attach brings the screen back"),
        ("{help}", "this help"),
        ("{interrupt}", "stop every worker and quit at once, in a dialog too (exit code 130)"),
        ("", "arrows, PgUp/PgDn, Home/End move in a panel; Tab moves between panels; Esc closes a dialog"),
        ("", "States: running (on a CPU), waiting (blocked in the kernel: sleep, I/O), paused (stopped by\nyou), queued (stopped by pause-on-wait until a slot is free), starting, ended."),
    ];

    /// <summary>What comes first in a replay (tuiproc replay): the player's keys, then the rest, of which those that act are refused.</summary>
    private static readonly (string Keys, string Text)[] ReplayLines =
    [
        ("", "A replay (tuiproc replay): the recording's moments, nothing runs; keys that act are refused."),
        ("{replay-pause-play}", "pause / play on (at the end: from the start again)"),
        ("{replay-back} {replay-forward}", "10 s back / forward;   {replay-start} / {replay-end}  the first / last moment"),
        ("{replay-slower} {replay-faster}", "slower / faster (x0.25 to x64)"),
        ("{quit}", "close the replay"),
    ];

    /// <summary>The main window's lines with <paramref name="keys"/>.</summary>
    public static IReadOnlyList<string> Main(KeyTable keys, bool ascii) => Lines(MainLines, keys, ascii);

    /// <summary>The replay's lines with <paramref name="keys"/>.</summary>
    public static IReadOnlyList<string> Replay(KeyTable keys, bool ascii) => Lines(ReplayLines, keys, ascii);

    private static List<string> Lines((string Keys, string Text)[] lines, KeyTable keys, bool ascii)
    {
        (string Keys, string[] Text)[] filled = [.. lines.Select(l => (Fill(l.Keys, keys, ascii), Fill(l.Text, keys, ascii).Split('\n')))];
        int column = Math.Max(8, filled.Max(l => l.Keys.Length)) + 1;
        List<string> result = [];
        foreach ((string keyColumn, string[] text) in filled)
        {
            if (keyColumn.Length == 0)
            {
                result.AddRange(text);
                continue;
            }

            result.Add(keyColumn.PadRight(column) + text[0]);
            result.AddRange(text.Skip(1).Select(t => new string(' ', column) + t));
        }

        return result;
    }

    /// <summary><paramref name="template"/> with each {action} replaced by its keys as shown.</summary>
    private static string Fill(string template, KeyTable keys, bool ascii) => ActionPattern().Replace(template, m =>
    {
        UiAction action = KeyActions.Named(m.Groups[1].Value)?.Action ?? throw new InvalidOperationException($"no action {m.Value} in the help");
        IReadOnlyList<string> names = keys.KeysOf(action);
        return names.Count == 0 ? "(no key)" : string.Join(", ", names.Select(n => KeyNames.Shown(n, ascii)));
    });

    [GeneratedRegex(@"\{([a-z-]+)\}")]
    private static partial Regex ActionPattern();
}
