using Terminal.Gui.Configuration;
using Terminal.Gui.Drawing;
using Terminal.Gui.ViewBase;
using TuiProcManager.Core.Workers;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TuiProcManager.Tui.Theming;

/// <summary>
/// The named roles our views draw with: each is a scheme that every tuiproc theme defines (see
/// themes/*.json). Views never use a literal colour; a theme without a role falls back to its Base scheme.
/// </summary>
internal static class Roles
{
    public const string Starting = "Starting";
    public const string Running = "Running";
    public const string Waiting = "Waiting";
    public const string Paused = "Paused";

    /// <summary>Stopped by the pause-on-wait scheduler, waiting for a run slot (the OS sees it paused).</summary>
    public const string Queued = "Queued";
    public const string Ended = "Ended";
    public const string Failed = "Failed";
    public const string Stderr = "Stderr";
    public const string Header = "Header";
    public const string Hint = "Hint";

    /// <summary>Every role a tuiproc theme must define.</summary>
    public static IReadOnlyList<string> All { get; } = [Starting, Running, Waiting, Paused, Queued, Ended, Failed, Stderr, Header, Hint];

    /// <summary>The role for a worker in <paramref name="state"/>, ended with <paramref name="exit"/>, stopped in the scheduler's queue if <paramref name="queued"/>.</summary>
    public static string For(WorkerState state, WorkerExit? exit = null, bool queued = false) => state switch
    {
        WorkerState.Starting => Starting,
        WorkerState.Running => Running,
        WorkerState.Waiting => Waiting,
        WorkerState.Paused => queued ? Queued : Paused,
        _ => exit?.Succeeded == false ? Failed : Ended,
    };

    /// <summary>The role's scheme in the current theme, or <paramref name="fallback"/>'s when the theme lacks it.</summary>
    public static Scheme Scheme(string role, View fallback) =>
        SchemeManager.TryGetScheme(role, out Scheme? scheme) && scheme is not null ? scheme : fallback.GetScheme();

    /// <summary>
    /// The role's colour for marks drawn on <paramref name="view"/>'s own background (a graph's blocks, a bar):
    /// the role's text colour, or, where the theme draws the role as a coloured label (its background is not
    /// the view's: Solarized Light's states), the label's colour. Filling a graph with a label's attribute
    /// painted its empty cells in the label's colour.
    /// </summary>
    public static Attribute Marks(string role, View view)
    {
        ArgumentNullException.ThrowIfNull(view);
        Attribute attribute = Attribute(role, view);
        Attribute panel = view.GetAttributeForRole(VisualRole.Normal);
        Color ink = attribute.Background == panel.Background ? attribute.Foreground : attribute.Background;
        return new Attribute(ink, panel.Background);
    }

    /// <summary>The role's Normal attribute in the current theme (Base's when the theme lacks it).</summary>
    public static Attribute Attribute(string role, View fallback) =>
        Scheme(role, fallback).GetAttributeForRole(VisualRole.Normal);
}
