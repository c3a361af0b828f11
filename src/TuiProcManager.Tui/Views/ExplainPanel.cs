using System.Globalization;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Drawing;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The Explain panel (e): every action and state change, newest first, in the lesson's terms and the
/// OS's. The newest entry of each kind carries its full text — the Python call, the system calls and
/// signals, the trap — the older ones their headline only, so the panel stays readable.
/// </summary>
internal sealed class ExplainPanel : LinesPanel
{
    public ExplainPanel(StateGlyphs glyphs)
        : base(glyphs)
    {
        Title = "Explain · e: hide";
        Show(null);
    }

    /// <summary>Shows <paramref name="model"/>'s entries (none yet when null).</summary>
    public void Show(ExplainModel? model)
    {
        (List<string> lines, List<string?> roles) = Lines(model);
        LinesView.Show(lines, fromTop: true, roles);
    }

    /// <summary>The panel's lines and their roles, newest entry first.</summary>
    internal static (List<string> Lines, List<string?> Roles) Lines(ExplainModel? model)
    {
        List<string> lines = [];
        List<string?> roles = [];
        void Add(string text, string? role = null)
        {
            lines.Add(text);
            roles.Add(role);
        }

        if (model is null || model.Entries.Count == 0)
        {
            Add("What each action and change means shows here: the Python multiprocessing call, the system calls and signals, and the traps. Spawn a worker (s) to start.", Roles.Hint);
            return (lines, roles);
        }

        HashSet<string> detailed = [];
        for (int i = model.Entries.Count - 1; i >= 0; i--)
        {
            ExplainEntry entry = model.Entries[i];
            Labs.Explaining.Explanation x = entry.Latest;
            string count = entry.Count > 1 ? string.Create(CultureInfo.InvariantCulture, $" (×{entry.Count})") : "";
            bool full = detailed.Add(x.Topic);
            Add($"{x.Time.ToLocalTime():HH:mm:ss} {x.Title}{count}", full ? Roles.Header : null);
            if (!full)
            {
                continue;
            }

            if (x.Python is { } python)
            {
                Add("  Python: " + python);
            }

            if (x.Os is { } os)
            {
                Add("  OS: " + os);
            }

            if (x.Trap is { } trap)
            {
                Add("  Trap: " + trap, Roles.Waiting);
            }
        }

        return (lines, roles);
    }
}
