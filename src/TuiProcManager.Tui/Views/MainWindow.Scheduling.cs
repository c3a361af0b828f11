using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Tui.Models;

namespace TuiProcManager.Tui.Views;

/// <summary>The run summary (S, and at once when a pause-on-wait run ends).</summary>
internal sealed partial class MainWindow
{
    /// <summary>S: the run summary in the Output panel's place, or the output back.</summary>
    private void ToggleSummary()
    {
        if (_place == OutputPlace.Summary)
        {
            Place(OutputPlace.Output);
        }
        else if (_dashboard.Summary.Current() is null)
        {
            _header.Say("no run yet: the summary comes when workers have run");
        }
        else
        {
            Place(OutputPlace.Summary);
        }
    }

    /// <summary>A run started or ended: the summary appears by itself when the run used pause-on-wait.</summary>
    private void OnRun(RunChange change)
    {
        if (change == RunChange.Started && _place == OutputPlace.Summary)
        {
            Place(OutputPlace.Output); // a new run: its output is what is worth seeing now
        }
        else if (change == RunChange.Ended && _dashboard.Summary.Last is { } summary)
        {
            bool scheduled = summary.Mode == SchedulingMode.PauseOnWait || summary.Workers.Any(w => w.Queued > TimeSpan.Zero);
            _header.Note($"run ended: makespan {summary.Makespan.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} s · S: summary");
            if (scheduled && _place != OutputPlace.Pool)
            {
                Place(OutputPlace.Summary);
            }
        }
    }

    /// <summary>The summary's lines from the model (the run so far while it is going).</summary>
    private void UpdateSummary(bool fromTop = false)
    {
        if (_place == OutputPlace.Summary && _dashboard.Summary.Current() is { } summary)
        {
            _summary.Show([.. summary.ToLines()], soFar: _dashboard.Summary.RunGoing, fromTop);
        }
    }
}
