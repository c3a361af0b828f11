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
        "s/c spawn x cmd m pool p pause j/J join T timed join k/K stop 9 kill w mode +/- slots r view S summary o merge / find e explain t theme ? help q quit",
        "s/c spawn x cmd m pool p pause j/J join k/K stop 9 kill w mode +/- slots r view S summary o merge e explain t theme ? help q quit",
        "s/c spawn x cmd m pool p pause j/J join k/K stop w mode +/- slots r view S summary o merge / find t theme ? help q quit",
        "s/c spawn x cmd m pool p pause j/J join k/K stop w mode +/- slots r view S summary o merge t theme ? help q quit",
        "s/c spawn x cmd m pool p pause j/J join k/K stop w mode +/- slots r view S summary o merge ? help q quit",
        "s/c spawn x cmd m pool p pause j/J join k/K stop w mode +/- slots r view S summary ? help q quit",
        "s/c spawn x cmd m pool p pause j/J join k/K stop w mode +/- slots r view ? help q quit",
        Text80,
    ];
    /// <summary>The forms of the line while a lab is open: its keys first.</summary>
    internal static readonly string[] LabForms =
    [
        "h hint a answer L lab e explain s/c spawn m pool p pause j/J join T timed join k/K stop 9 kill w mode +/- slots r view S summary ? help q quit",
        "h hint a answer L lab e explain s/c spawn m pool p pause j/J join T timed join k stop 9 kill w mode r view ? help q quit",
        "h hint a answer L lab e explain s/c spawn p pause j/J join T timed k stop 9 kill w mode ? help q quit",
        "h hint a answer L lab e explain s/c spawn p pause J join k stop 9 kill ? help q quit",
        "h hint a answer L lab e explain s/c spawn p pause J join 9 kill ? help q quit",
        "h hint a answer L lab e explain ? help q quit",
    ];

    /// <summary>The forms of the line in a replay: the player's keys, and the ones that only change the screen.</summary>
    internal static readonly string[] ReplayForms =
    [
        "space pause/play ←/→ 10 s [/] speed Home/End r view S summary o merge / find e explain L lab t theme ? help q quit",
        "space pause/play ←/→ 10 s [/] speed Home/End r view o merge / find ? help q quit",
        "space pause ←/→ 10 s [/] speed Home/End q quit",
    ];

    /// <summary>A lab is open: its keys come first.</summary>
    public bool Lab { get; set; }

    /// <summary>A recording is replayed: the player's keys instead.</summary>
    public bool Replay { get; set; }

    public HintsView()
    {
        Height = 1;
        CanFocus = false;
    }

    protected override void Render(CellCanvas canvas)
    {
        string[] forms = Replay ? ReplayForms : Lab ? LabForms : Forms;
        string text = forms.FirstOrDefault(f => f.Length + 1 <= canvas.Width) ?? forms[^1];
        canvas.WritePadded(0, 0, " " + text, Roles.Attribute(Roles.Hint, this), canvas.Width);
    }
}
