using Terminal.Gui.Drawing;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// What to do first, shown in the Output panel's place while no worker has ever been started: spawn one,
/// open a lab, see the keys. It is gone with the first worker (the Output panel then has lines to show).
/// </summary>
/// <remarks>
/// Two forms: a short list when the rows are there (80×24 and up), one wrapped paragraph when they are not
/// (60×16 leaves three rows); the first form that fits whole is drawn.
/// </remarks>
internal sealed class FirstStepsView : CanvasView
{
    /// <summary>The list, one key to a line.</summary>
    internal static readonly string[] ListForm =
    [
        "Nothing runs yet. To start:",
        "  s   spawn a worker (c: a cube, x: a command of yours, m: a pool)",
        "  ?   every key, and what it does in Python's terms;  q quits",
        "  New to processes? Quit and run  tuiproc lab 1  for a guided lab.",
    ];

    /// <summary>The same in one paragraph, for a small screen.</summary>
    internal const string ShortForm = "Nothing runs yet: s spawns a worker (c a cube, x a command, m a pool), ? shows every key, q quits. New here? Quit and run tuiproc lab 1, a guided lab.";

    /// <summary>The list while a lab is open: the lab panel says what to do.</summary>
    internal static readonly string[] LabListForm =
    [
        "Nothing runs yet. The lab panel says what to do first (L shows or hides it).",
        "  s   spawn a worker;  ?   every key;  q quits",
    ];

    internal const string LabShortForm = "Nothing runs yet: the lab panel says what to do first (L shows it); s spawns a worker, ? shows every key.";

    public FirstStepsView() => CanFocus = false;

    /// <summary>A lab is open.</summary>
    public bool Lab { get; set; }

    /// <summary>The lines drawn at <paramref name="width"/>×<paramref name="height"/>.</summary>
    internal IReadOnlyList<string> LinesAt(int width, int height)
    {
        string[] list = Lab ? LabListForm : ListForm;
        List<string> wrapped = [.. list.SelectMany(l => TextWrap.Lines(l, width))];
        return wrapped.Count <= height ? wrapped : TextWrap.Lines(Lab ? LabShortForm : ShortForm, width);
    }

    protected override void Render(CellCanvas canvas)
    {
        Attribute hint = Roles.Attribute(Roles.Hint, this);
        Attribute normal = GetAttributeForRole(VisualRole.Normal);
        IReadOnlyList<string> lines = LinesAt(canvas.Width, canvas.Height);
        for (int r = 0; r < Math.Min(canvas.Height, lines.Count); r++)
        {
            canvas.Write(0, r, lines[r], r == 0 ? normal : hint);
        }
    }
}
