using System.Text;
using Terminal.Gui.Input;
using TuiProcManager.Tui.Input;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Drawing;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The bottom line: the keys, as many as fit (every key is in the help screen), as the user's
/// <see cref="KeyTable"/> has them. A left click on an entry does what its key does.
/// </summary>
/// <remarks>
/// At 80 columns S (the run summary) and +/- (the run slots) are left out: the summary shows by itself when
/// a pause-on-wait run ends, and the message then and the panel's title name the key; switching to
/// pause-on-wait with w names +/-. A form is written with action names, so that a key changed in the keys
/// file shows (and widens the line: the first form that fits is taken, else the last, cut). An action
/// with no key is left out, with its label when none of its group is left.
/// </remarks>
internal sealed class HintsView : CanvasView
{
    /// <summary>The forms of the line, longest first; the first that fits is shown, else the last (at the defaults it fits 60 columns).</summary>
    internal static readonly string[] Forms =
    [
        "{spawn-square}/{spawn-cube} spawn {run-command} cmd {start-pool} pool {pause-resume} pause {join}/{join-all} join {join-timeout} timed join {terminate}/{terminate-all} stop {kill} kill {toggle-mode} mode {more-slots}/{fewer-slots} slots {next-view} view {toggle-summary} summary {toggle-output} merge {search} find {toggle-explain} explain {next-theme} theme {help} help {quit} quit",
        "{spawn-square}/{spawn-cube} spawn {run-command} cmd {start-pool} pool {pause-resume} pause {join}/{join-all} join {terminate}/{terminate-all} stop {kill} kill {toggle-mode} mode {more-slots}/{fewer-slots} slots {next-view} view {toggle-summary} summary {toggle-output} merge {toggle-explain} explain {next-theme} theme {help} help {quit} quit",
        "{spawn-square}/{spawn-cube} spawn {run-command} cmd {start-pool} pool {pause-resume} pause {join}/{join-all} join {terminate}/{terminate-all} stop {toggle-mode} mode {more-slots}/{fewer-slots} slots {next-view} view {toggle-summary} summary {toggle-output} merge {search} find {next-theme} theme {help} help {quit} quit",
        "{spawn-square}/{spawn-cube} spawn {run-command} cmd {start-pool} pool {pause-resume} pause {join}/{join-all} join {terminate}/{terminate-all} stop {toggle-mode} mode {more-slots}/{fewer-slots} slots {next-view} view {toggle-summary} summary {toggle-output} merge {next-theme} theme {help} help {quit} quit",
        "{spawn-square}/{spawn-cube} spawn {run-command} cmd {start-pool} pool {pause-resume} pause {join}/{join-all} join {terminate}/{terminate-all} stop {toggle-mode} mode {more-slots}/{fewer-slots} slots {next-view} view {toggle-summary} summary {toggle-output} merge {help} help {quit} quit",
        "{spawn-square}/{spawn-cube} spawn {run-command} cmd {start-pool} pool {pause-resume} pause {join}/{join-all} join {terminate}/{terminate-all} stop {toggle-mode} mode {more-slots}/{fewer-slots} slots {next-view} view {toggle-summary} summary {help} help {quit} quit",
        "{spawn-square}/{spawn-cube} spawn {run-command} cmd {start-pool} pool {pause-resume} pause {join}/{join-all} join {terminate}/{terminate-all} stop {toggle-mode} mode {more-slots}/{fewer-slots} slots {next-view} view {help} help {quit} quit",
        "{spawn-square}/{spawn-cube} spawn {run-command} cmd {start-pool} pool {pause-resume} pause {join}/{join-all} join {terminate}/{terminate-all} stop {toggle-mode} mode {next-view} view {help} help {quit} quit",
        "{spawn-square}/{spawn-cube} spawn {run-command} cmd {pause-resume} pause {join}/{join-all} join {terminate}/{terminate-all} stop {next-view} view {help} help {quit} quit",
        "{spawn-square}/{spawn-cube} spawn {pause-resume} pause {join}/{join-all} join {terminate}/{terminate-all} stop {help} help {quit} quit",
    ];

    /// <summary>The forms of the line while a lab is open: its keys first.</summary>
    internal static readonly string[] LabForms =
    [
        "{hint} hint {answer} answer {toggle-lab} lab {toggle-explain} explain {spawn-square}/{spawn-cube} spawn {start-pool} pool {pause-resume} pause {join}/{join-all} join {join-timeout} timed join {terminate}/{terminate-all} stop {kill} kill {toggle-mode} mode {more-slots}/{fewer-slots} slots {next-view} view {toggle-summary} summary {help} help {quit} quit",
        "{hint} hint {answer} answer {toggle-lab} lab {toggle-explain} explain {spawn-square}/{spawn-cube} spawn {start-pool} pool {pause-resume} pause {join}/{join-all} join {join-timeout} timed join {terminate} stop {kill} kill {toggle-mode} mode {next-view} view {help} help {quit} quit",
        "{hint} hint {answer} answer {toggle-lab} lab {toggle-explain} explain {spawn-square}/{spawn-cube} spawn {pause-resume} pause {join}/{join-all} join {join-timeout} timed {terminate} stop {kill} kill {toggle-mode} mode {help} help {quit} quit",
        "{hint} hint {answer} answer {toggle-lab} lab {toggle-explain} explain {spawn-square}/{spawn-cube} spawn {pause-resume} pause {join-all} join {terminate} stop {kill} kill {help} help {quit} quit",
        "{hint} hint {answer} answer {toggle-lab} lab {toggle-explain} explain {spawn-square}/{spawn-cube} spawn {pause-resume} pause {join-all} join {kill} kill {help} help {quit} quit",
        "{hint} hint {answer} answer {toggle-lab} lab {toggle-explain} explain {help} help {quit} quit",
    ];

    /// <summary>The forms of the line in a replay: the player's keys, and the ones that only change the screen.</summary>
    internal static readonly string[] ReplayForms =
    [
        "{replay-pause-play} pause/play {replay-back}/{replay-forward} 10 s {replay-slower}/{replay-faster} speed {replay-start}/{replay-end} {next-view} view {toggle-summary} summary {toggle-output} merge {search} find {toggle-explain} explain {toggle-lab} lab {next-theme} theme {help} help {quit} quit",
        "{replay-pause-play} pause/play {replay-back}/{replay-forward} 10 s {replay-slower}/{replay-faster} speed {replay-start}/{replay-end} {next-view} view {toggle-output} merge {search} find {help} help {quit} quit",
        "{replay-pause-play} pause {replay-back}/{replay-forward} 10 s {replay-slower}/{replay-faster} speed {replay-start}/{replay-end} {quit} quit",
    ];

    private static readonly IReadOnlyList<HintEntry>[] ParsedForms = [.. Forms.Select(HintEntry.Parse)];
    private static readonly IReadOnlyList<HintEntry>[] ParsedLabForms = [.. LabForms.Select(HintEntry.Parse)];
    private static readonly IReadOnlyList<HintEntry>[] ParsedReplayForms = [.. ReplayForms.Select(HintEntry.Parse)];

    private readonly bool _ascii;
    private List<(int From, int To, UiAction Action)> _shownEntries = [];

    /// <param name="ascii">Only ASCII (the Linux console): the arrows as &lt;- and -&gt;.</param>
    public HintsView(bool ascii = false)
    {
        _ascii = ascii;
        Height = 1;
        CanFocus = false;
    }

    /// <summary>A lab is open: its keys come first.</summary>
    public bool Lab { get; set; }

    /// <summary>A recording is replayed: the player's keys instead.</summary>
    public bool Replay { get; set; }

    /// <summary>The keys shown (the defaults until set).</summary>
    public KeyTable Keys { get; set; } = KeyTable.Defaults;

    /// <summary>Called on the UI thread with the action of an entry clicked (left button); null: clicks do nothing.</summary>
    public Action<UiAction>? Pressed { get; set; }

    /// <summary>The line for <paramref name="columns"/> columns (without the leading space), and which columns of it act for which action.</summary>
    internal (string Text, List<(int From, int To, UiAction Action)> Entries) Line(int columns)
    {
        IReadOnlyList<HintEntry>[] forms = Replay ? ParsedReplayForms : Lab ? ParsedLabForms : ParsedForms;
        (string Text, List<(int, int, UiAction)> Entries) line = default;
        foreach (IReadOnlyList<HintEntry> form in forms)
        {
            line = Render(form);
            if (line.Text.Length + 1 <= columns)
            {
                break;
            }
        }

        return line;
    }

    protected override void Render(CellCanvas canvas)
    {
        (string text, _shownEntries) = Line(canvas.Width);
        canvas.WritePadded(0, 0, " " + text, Roles.Attribute(Roles.Hint, this), canvas.Width);
    }

    /// <summary>A left click on an entry's key or word does that entry's action (a word: its group's first action).</summary>
    protected override bool OnMouseEvent(Mouse mouse)
    {
        ArgumentNullException.ThrowIfNull(mouse);
        if (!mouse.Flags.HasFlag(MouseFlags.LeftButtonClicked) || mouse.Position is not { } at || Pressed is not { } pressed)
        {
            return false;
        }

        int column = at.X - 1; // the line starts after one space
        foreach ((int from, int to, UiAction action) in _shownEntries)
        {
            if (column >= from && column < to)
            {
                mouse.Handled = true;
                pressed(action);
                return true;
            }
        }

        return false;
    }

    /// <summary>One form with the keys of <see cref="Keys"/>: its text and, per column range, the action it stands for.</summary>
    private (string Text, List<(int From, int To, UiAction Action)> Entries) Render(IReadOnlyList<HintEntry> form)
    {
        StringBuilder text = new();
        List<(int, int, UiAction)> entries = [];
        foreach (HintEntry entry in form)
        {
            List<(UiAction Action, string Key)> keyed = [.. entry.Actions
                .Where(a => Keys.KeysOf(a).Count > 0)
                .Select(a => (a, KeyNames.Shown(Keys.KeysOf(a)[0], _ascii)))];
            if (keyed.Count == 0)
            {
                continue;
            }

            if (text.Length > 0)
            {
                text.Append(' ');
            }

            for (int i = 0; i < keyed.Count; i++)
            {
                if (i > 0)
                {
                    text.Append('/');
                }

                entries.Add((text.Length, text.Length + keyed[i].Key.Length, keyed[i].Action));
                text.Append(keyed[i].Key);
            }

            if (entry.Label.Length > 0)
            {
                text.Append(' ');
                entries.Add((text.Length, text.Length + entry.Label.Length, keyed[0].Action));
                text.Append(entry.Label);
            }
        }

        return (text.ToString(), entries);
    }
}
