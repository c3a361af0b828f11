using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Drawing;

namespace TuiProcManager.Tui.Views;

/// <summary>The bottom line: the keys, as many as fit (every key is in the help screen, ? or F1).</summary>
/// <remarks>
/// At 80 columns S (the run summary) and +/- (the run slots) are left out: the summary shows by itself when
/// a pause-on-wait run ends, and the message then and the panel's title name the key; switching to
/// pause-on-wait with w names +/-.
/// </remarks>
internal sealed class HintsView : CanvasView
{
    internal const string Text80 = "s/c spawn x cmd m pool p pause j/J join k/K stop w mode r view ? help q quit";

    /// <summary>The forms of the line, longest first; the first that fits is shown, else the last.</summary>
    internal static readonly string[] Forms =
    [
        "s/c spawn x cmd m pool p pause j/J join k/K stop w mode +/- slots r view S summary o merge / find t theme ? help q quit",
        "s/c spawn x cmd m pool p pause j/J join k/K stop w mode +/- slots r view S summary o merge t theme ? help q quit",
        "s/c spawn x cmd m pool p pause j/J join k/K stop w mode +/- slots r view S summary o merge ? help q quit",
        "s/c spawn x cmd m pool p pause j/J join k/K stop w mode +/- slots r view S summary ? help q quit",
        "s/c spawn x cmd m pool p pause j/J join k/K stop w mode +/- slots r view ? help q quit",
        Text80,
    ];
    public HintsView()
    {
        Height = 1;
        CanFocus = false;
    }

    protected override void Render(CellCanvas canvas)
    {
        string text = Forms.FirstOrDefault(f => f.Length + 1 <= canvas.Width) ?? Forms[^1];
        canvas.WritePadded(0, 0, " " + text, Roles.Attribute(Roles.Hint, this), canvas.Width);
    }
}
