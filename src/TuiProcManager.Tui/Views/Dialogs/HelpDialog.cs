using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiProcManager.Tui.Input;

namespace TuiProcManager.Tui.Views.Dialogs;

/// <summary>The keys, the user's where changed, and what each does in the lesson's terms (F1 or ?).</summary>
internal sealed class HelpDialog : Dialog
{
    private readonly SummaryView _lines;
    private readonly int _longest; // columns of the longest key line

    /// <param name="keys">The keys, the user's where the keys file changed them.</param>
    /// <param name="ascii">Only ASCII in what the dialog adds (the Linux console).</param>
    /// <param name="message">The header's message, shown first when the header had to cut it.</param>
    /// <param name="replay">The UI replays a recording: the player's keys first.</param>
    public HelpDialog(KeyTable keys, bool ascii, string? message = null, bool replay = false)
    {
        Title = "tuiproc keys";
        IReadOnlyList<string> keyLines = HelpText.Main(keys, ascii);
        List<string> lines = [.. replay ? HelpText.Replay(keys, ascii) : [], .. keyLines];
        if (message is not null)
        {
            lines.InsertRange(0, ["Last message: " + message, ""]);
        }

        // As wide as the longest key line (plus border and margins), never wider or taller than the screen:
        // on a small one the lines wrap and scroll (arrows, PgUp/PgDn), and the last row says how many more.
        _longest = keyLines.Max(l => l.GetColumns());
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
