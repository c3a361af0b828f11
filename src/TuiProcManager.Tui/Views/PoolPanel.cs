using System.Globalization;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Text;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Drawing;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The Pool panel (the lesson's <c>Pool</c>): one pool's inputs queued, running, done and failed; each of
/// its workers with its PID, how many inputs it computed and the one it is on; the failures and why. It
/// takes the Output panel's place (<c>r</c>), at once when a pool starts.
/// </summary>
internal sealed class PoolPanel : LinesPanel
{
    private PoolId? _shown;

    public PoolPanel(StateGlyphs glyphs)
        : base(glyphs)
    {
        Show(null);
    }

    /// <summary>The pool shown; null when none.</summary>
    public PoolId? Shown => _shown;

    /// <summary>Shows <paramref name="pool"/> as it is now (null: none yet); from the top when it is another pool.</summary>
    public void Show(PoolState? pool)
    {
        bool other = pool?.Id != _shown;
        _shown = pool?.Id;
        (List<string> lines, List<string?> roles) = Lines(pool);
        LinesView.Show(lines, fromTop: other, roles);
        Title = pool is null ? "Pool · r: output" : $"Pool {pool.Id} · {Plural.Of(pool.Total, "input")} · {Started(pool)} · r: output";
    }

    /// <summary>
    /// The workers started, not those asked for: a pool starts no more than its inputs can keep busy
    /// (10 inputs in a Pool(64) start 10), and a replacement is one more.
    /// </summary>
    internal static string Started(PoolState pool)
    {
        int started = pool.Workers.Count, alive = pool.Workers.Count(w => w.Exit is null);
        string text = Plural.Of(started, "worker") + " started";
        text += started == pool.Request.Size ? "" : $" of Pool({N(pool.Request.Size)})";
        return alive == started || started == 0 ? text : $"{text}, {N(alive)} alive";
    }

    /// <summary>The panel's lines and the role of each.</summary>
    internal static (List<string> Lines, List<string?> Roles) Lines(PoolState? pool)
    {
        List<string> lines = [];
        List<string?> roles = [];
        void Add(string text, string? role = null)
        {
            lines.Add(text);
            roles.Add(role);
        }

        if (pool is null)
        {
            Add("No pool yet: m starts one (Python's Pool(N).map: N workers take the inputs one after another).", Roles.Hint);
            return (lines, roles);
        }

        string counts = $"{N(pool.Queued)} queued · {N(pool.Running)} running · {N(pool.Succeeded)} done · {N(pool.Failed)} failed";
        counts += pool.NotRun > 0 ? $" · {N(pool.NotRun)} not run" : "";
        counts += pool.Outcome is null ? "" : " · finished";
        Add(counts);
        if (pool.Failures.Count > 0)
        {
            Add("last failure: " + pool.Failures.Last().Text, Roles.Failed);
        }

        Add("worker  pid        done  computing", Roles.Hint);
        foreach (PoolWorkerRow w in pool.Workers)
        {
            string pid = w.Pid is { } p ? p.ToString(CultureInfo.InvariantCulture) : "-";
            Add($"{w.Id,-7} {pid,-9} {N(w.Done),5}  {Doing(pool, w)}", w.Exit is { Succeeded: false } ? Roles.Ended : null);
        }

        if (pool.Failed > 0)
        {
            int earlier = pool.Failed - pool.Failures.Count;
            Add(earlier > 0 ? $"failed (the latest {pool.Failures.Count}; {N(earlier)} earlier):" : "failed:", Roles.Hint);
            foreach (PoolFailure f in pool.Failures)
            {
                Add("  " + f.Text, Roles.Failed);
            }
        }

        return (lines, roles);
    }

    private static string Doing(PoolState pool, PoolWorkerRow w)
    {
        if (w.Exit is { } exit)
        {
            string replaced = w.ReplacedBy is { } by ? $", replaced by {by}" : w.ReplacementFailed ? ", no replacement could start" : "";
            return $"ended ({exit}){replaced}";
        }

        if (w.Current is not { } index)
        {
            return pool.Outcome is null ? "idle" : "done";
        }

        int behind = w.InFlight.Count - 1;
        return pool.Request.Tasks[index] + (behind > 0 ? $" (+{N(behind)} queued here)" : "");
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
