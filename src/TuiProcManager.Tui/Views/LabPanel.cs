using System.Globalization;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Reports;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Drawing;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The lab panel (L): the checklist of steps, the current step's instructions, the hints shown so far,
/// what the last step done meant, and, once every step is done, the summary (time, steps, hints).
/// </summary>
internal sealed class LabPanel : LinesPanel
{
    public LabPanel(StateGlyphs glyphs)
        : base(glyphs)
    {
    }

    /// <summary>Shows <paramref name="session"/> as of <paramref name="now"/>, with <paramref name="message"/> (the last thing that happened in the lab, if any).</summary>
    public void Show(LabSession session, LabMessage? message, DateTimeOffset now, bool fromTop)
    {
        (List<string> lines, List<string?> roles) = Lines(session, message, now, Ascii);
        LinesView.Show(lines, fromTop, roles);
        Title = string.Create(CultureInfo.InvariantCulture, $"Lab {session.Lab.Id} · {session.DoneCount} of {session.Lab.Steps.Length} · L: hide");
    }

    /// <summary>The panel's lines and their roles.</summary>
    internal static (List<string> Lines, List<string?> Roles) Lines(LabSession session, LabMessage? message, DateTimeOffset now, bool ascii)
    {
        List<string> lines = [];
        List<string?> roles = [];
        void Add(string text, string? role = null)
        {
            lines.Add(text);
            roles.Add(role);
        }

        Lab lab = session.Lab;
        if (session.IsFinished)
        {
            Add(string.Create(CultureInfo.InvariantCulture, $"Lab finished in {LabReport.Duration(session.Elapsed(now))}: {lab.Steps.Length} of {lab.Steps.Length} steps, {Plural(session.HintsUsed, "hint")}, {Plural(session.WrongAnswers, "wrong answer")}."), Roles.Running);
            Add("E: save a report for your teacher (Markdown). Progress is saved.", Roles.Hint);
        }
        else
        {
            CurrentStep(session, Add);
        }

        if (message is { } said)
        {
            Add("");
            Add(said.Text, said.Role);
        }

        Add("");
        Add(session.Expand(lab.Title), Roles.Hint);
        for (int i = 0; i < lab.Steps.Length; i++)
        {
            bool done = session.Step(i).DoneAt is not null;
            string mark = done ? (ascii ? "[x]" : "✓") : i == session.Current ? (ascii ? " > " : "▸") : (ascii ? "[ ]" : " ");
            Add(string.Create(CultureInfo.InvariantCulture, $"{mark} {i + 1} {session.Expand(lab.Steps[i].Title)}"), done ? Roles.Running : i == session.Current ? Roles.Header : null);
        }

        return (lines, roles);
    }

    /// <summary>The current step first: its title, what to do, its choices, the hints shown, and the keys for it.</summary>
    private static void CurrentStep(LabSession session, Action<string, string?> add)
    {
        LabStep step = session.Lab.Steps[session.Current];
        add(string.Create(CultureInfo.InvariantCulture, $"Step {session.Current + 1} of {session.Lab.Steps.Length}: {session.Expand(step.Title)}"), Roles.Header);
        foreach (string paragraph in session.Expand(step.Text).Split('\n'))
        {
            add(paragraph, null);
        }

        if (step.Question is { IsTyped: false } question)
        {
            for (int c = 0; c < question.Choices.Length; c++)
            {
                add(string.Create(CultureInfo.InvariantCulture, $"  {c + 1}) {question.Choices[c]}"), null);
            }
        }

        IReadOnlyList<string> hints = session.HintsShownFor(session.Current);
        for (int h = 0; h < hints.Count; h++)
        {
            add(string.Create(CultureInfo.InvariantCulture, $"Hint {h + 1} of {step.Hints.Length}: {session.Expand(hints[h])}"), Roles.Hint);
        }

        int left = step.Hints.Length - hints.Count;
        List<string> keys = [];
        if (step.Question is not null)
        {
            keys.Add("a: answer");
        }

        keys.Add(left > 0 ? $"h: hint ({left} left)" : "no more hints");
        keys.Add("e: explain");
        add(string.Join(" · ", keys), Roles.Hint);
    }

    private static string Plural(int n, string what) => string.Create(CultureInfo.InvariantCulture, $"{n} {what}{(n == 1 ? "" : "s")}");
}
