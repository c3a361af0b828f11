using System.Globalization;
using Terminal.Gui.Views;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Views;

/// <summary>The process table's cells, computed from the model's lines (only visible cells are asked for).</summary>
/// <remarks>
/// Nothing in a row changes while its worker sleeps: TIME is the CPU time it has used (as in ps and htop),
/// which stands still while it waits, and how long it ran is told once, with its exit. A wall-clock "up"
/// column ticked every second for every visible worker, which over SSH was the only traffic of a screen of
/// sleeping workers (the goal: 0 bytes while nothing visible changes).
/// </remarks>
internal sealed class ProcessTableSource(IReadOnlyList<ProcessLine> lines, DateTimeOffset now, StateGlyphs glyphs) : ITableSource
{
    public const int StateColumn = 3;

    public string[] ColumnNames { get; } = ["ID", "NAME", "PID", "STATE", "CPU%", "MEM", "TIME", "EXIT"];

    public int Columns => ColumnNames.Length;

    public int Rows => lines.Count;

    public IReadOnlyList<ProcessLine> Lines => lines;

    public object this[int row, int col]
    {
        get
        {
            ProcessLine line = lines[row];
            WorkerRow w = line.Worker;
            if (line.Descendant is { } d)
            {
                bool last = row + 1 >= lines.Count || lines[row + 1].Worker != w || lines[row + 1].Depth < line.Depth;
                return col switch
                {
                    0 => "",
                    1 => new string(' ', 2 * (line.Depth - 1)) + (last ? glyphs.LastBranch : glyphs.Branch) + d.Name,
                    2 => d.Pid.ToString(CultureInfo.InvariantCulture),
                    3 => StateGlyphs.Word(d.State, null),
                    4 => Format.Percent(d.CpuPercent),
                    5 => d.ResidentBytes > 0 ? Format.Bytes(d.ResidentBytes) : "",
                    _ => "",
                };
            }

            return col switch
            {
                0 => w.Id.ToString(),
                1 => w.Spec.DisplayName,
                2 => w.Pid?.ToString(CultureInfo.InvariantCulture) ?? "-",
                3 => StateGlyphs.Word(w.State, w.Exit, w.Shown.Queued) + (w.OutputHeld && w.IsAlive ? " held" : "") + (w.PendingJoins > 0 ? " ⧗join" : ""),
                4 => w.IsAlive ? Format.Percent(w.CpuPercent) : "",
                5 => w.ResidentBytes > 0 && w.IsAlive ? Format.Bytes(w.ResidentBytes) : "",
                6 => w.IsAlive ? Format.CpuTime(w.CpuTime) : "",
                _ => Exit(w.Exit, (w.EndedAt ?? now) - w.StartedAt),
            };
        }
    }

    /// <summary>
    /// Exit status as Python would show it next to ours, and how long the worker ran (wall clock, start to
    /// end): <c>0 after 0:05</c>, <c>SIGTERM (-15) after 1:02</c>.
    /// </summary>
    private static string Exit(WorkerExit? exit, TimeSpan ran) => exit switch
    {
        null => "",
        { Kind: ExitKind.Exited } => exit.Code!.Value.ToString(CultureInfo.InvariantCulture) + " after " + Format.Duration(ran),
        { Kind: ExitKind.Signaled } => $"{exit.SignalName} ({exit.PythonExitCode}) after {Format.Duration(ran)}",
        { Kind: ExitKind.FailedToStart } => "not started",
        _ => "unknown",
    };
}
