using System.Globalization;
using Terminal.Gui.ViewBase;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Scheduling;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Dialogs;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The Output panel's place: the screen is full, so Output, Results, Pool and the run summary take turns
/// there. r cycles Output → Results → Pool → Output; S shows the summary (or the output back); o gives
/// the output back from any of them. A pool that starts shows its panel; a pause-on-wait run that ends
/// shows the summary. Beside them, the side column (<see cref="SideColumn"/>: the lab and Explain).
/// </summary>
internal sealed partial class MainWindow
{
    private OutputPlace _place = OutputPlace.Output;
    private PoolId? _poolChoice;

    /// <summary>What the Output panel's place shows (for tests).</summary>
    public OutputPlace Showing => _place;

    /// <summary>Whether the Run summary panel is in the Output panel's place (for tests).</summary>
    public bool ShowingSummary => _place == OutputPlace.Summary;

    /// <summary>A new screen size: the panels, or the notice that it is too small, and the side column laid out for it.</summary>
    protected override void OnViewportChanged(DrawEventArgs e)
    {
        base.OnViewportChanged(e);
        bool small = Viewport.Width < MinimumSize.Width || Viewport.Height < MinimumSize.Height;
        foreach (View panel in new View[] { _header, _processes, _states, _cpu, _hints })
        {
            panel.Visible = !small;
        }

        _tooSmall.Visible = small;
        ShowOnlyThePanelInPlace();
        LayoutSide();
        _tooSmall.Message = $"The terminal is {Viewport.Width}×{Viewport.Height}.\ntuiproc needs at least {MinimumSize.Width}×{MinimumSize.Height}:\nenlarge it, or press q to quit.\nNo room? tuiproc run KIND:N runs without the UI.";
    }

    /// <summary>r: Output → Results → Pool → Output (the summary goes on to Results).</summary>
    private void NextPlace() => PutInPlace(_place switch
    {
        OutputPlace.Output or OutputPlace.Summary => OutputPlace.Results,
        OutputPlace.Results => OutputPlace.Pool,
        _ => OutputPlace.Output,
    });

    /// <summary>Puts <paramref name="place"/> in the Output panel's place, with the keyboard if the one there had it.</summary>
    private void PutInPlace(OutputPlace place)
    {
        View[] panels = [_output, _split, _results, _pool, _summary];
        bool focused = panels.Any(p => p.HasFocus);
        _place = place;
        UpdateSummary(fromTop: true);
        ShowOnlyThePanelInPlace();
        RefreshThePanelInPlace(results: true, pools: true);
        if (focused)
        {
            switch (place)
            {
                case OutputPlace.Output: FocusOutput(); break;
                case OutputPlace.Results: _results.FocusList(); break;
                case OutputPlace.Pool: _pool.FocusLines(); break;
                default: _summary.FocusLines(); break;
            }
        }
    }

    /// <summary>Only the panel in the place is visible (none while the terminal is too small).</summary>
    private void ShowOnlyThePanelInPlace()
    {
        bool small = _tooSmall.Visible;
        bool split = !small && _place == OutputPlace.Output && ShowingSplit, panel = !small && _place == OutputPlace.Output && !ShowingSplit;
        if (split && !_split.Visible)
        {
            _split.Refresh(new HashSet<WorkerId>(), all: true); // its panes were not refreshed while hidden
        }
        else if (panel && !_output.Visible)
        {
            _output.Refresh(); // nor the panel while the split was shown
        }

        _output.Visible = panel;
        _split.Visible = split;
        _results.Visible = !small && _place == OutputPlace.Results;
        _pool.Visible = !small && _place == OutputPlace.Pool;
        _summary.Visible = !small && _place == OutputPlace.Summary;
        ShowFirstSteps();
    }

    /// <summary>Redraws the Results or Pool panel when it is the one shown and its model changed.</summary>
    private void RefreshThePanelInPlace(bool results, bool pools)
    {
        if (results && _place == OutputPlace.Results)
        {
            _results.Refresh();
        }

        if (pools && _place == OutputPlace.Pool)
        {
            _pool.Show(ShownPool());
        }
    }

    /// <summary>The pool the Pool panel shows: the one chosen last (started, or a worker of it selected), else the latest.</summary>
    private PoolState? ShownPool() =>
        (_poolChoice is { } chosen ? _dashboard.Pools.Find(chosen) : null) ?? _dashboard.Pools.Latest;

    /// <summary>A pool started, or a worker of <paramref name="pool"/> was selected: the Pool panel shows it.</summary>
    private void ChoosePool(PoolId? pool)
    {
        if (pool is null || pool == _poolChoice)
        {
            return;
        }

        _poolChoice = pool;
        RefreshThePanelInPlace(results: false, pools: true);
    }

    /// <summary>A pool started (from the dialog, or elsewhere): its panel is what is worth seeing now.</summary>
    private void OnPoolStarted(PoolId pool)
    {
        _poolChoice = pool;
        PutInPlace(OutputPlace.Pool);
    }

    private void ReportPoolFinished(PoolFinished finished)
    {
        PoolOutcome o = finished.Outcome;
        string text = $"pool {finished.Pool} finished: {Thousands(o.Succeeded)} done, {Thousands(o.Failed)} failed";
        text += o.NotRun > 0 ? $", {Thousands(o.NotRun)} not run" : "";
        if (o.AllSucceeded)
        {
            _header.Note(text + " · r: results");
        }
        else
        {
            _header.Say(text + " · r: results", error: true);
        }
    }

    private static string Thousands(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    /// <summary>S: the run summary in the Output panel's place, or the output back.</summary>
    private void ToggleSummary()
    {
        if (_place == OutputPlace.Summary)
        {
            PutInPlace(OutputPlace.Output);
        }
        else if (_dashboard.Summary.Current() is null)
        {
            _header.Say("no run yet: the summary comes when workers have run");
        }
        else
        {
            PutInPlace(OutputPlace.Summary);
        }
    }

    /// <summary>A run started or ended: the summary appears by itself when the run used pause-on-wait.</summary>
    private void OnRun(RunChange change)
    {
        if (change == RunChange.Started && _place == OutputPlace.Summary)
        {
            PutInPlace(OutputPlace.Output); // a new run: its output is what is worth seeing now
        }
        else if (change == RunChange.Ended && _dashboard.Summary.Last is { } summary)
        {
            bool scheduled = summary.Mode == SchedulingMode.PauseOnWait || summary.Workers.Any(w => w.Queued > TimeSpan.Zero);
            _header.Note($"run ended: makespan {summary.Makespan.TotalSeconds.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)} s · S: summary");
            if (scheduled && _place != OutputPlace.Pool)
            {
                PutInPlace(OutputPlace.Summary);
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

    /// <summary>Fewest columns the main panels keep beside the side column.</summary>
    private const int MainMinimumWidth = 40;

    /// <summary>Whether the lab panel is on screen (for tests).</summary>
    public bool ShowingLab => _side.ShowingLab;

    /// <summary>Whether the Explain panel is on screen (for tests).</summary>
    public bool ShowingExplain => _side.ShowingExplain;

    /// <summary>The lab session, when a lab is open (for tests).</summary>
    public Labs.Sessions.LabSession? Lab => _side.Lab;

    /// <summary>Explains every action and change with <paramref name="texts"/>, or says why it cannot (<paramref name="problem"/>).</summary>
    public void UseExplainTexts(Labs.Explaining.ExplainTexts? texts, string? problem) => _side.UseExplainTexts(texts, problem);

    /// <summary>Opens <paramref name="options"/>' lab: its panel shows, resumed from the saved progress.</summary>
    public void OpenLab(Hosting.LabOptions options)
    {
        _hints.Lab = true;
        _side.OpenLab(options);
    }

    /// <summary>Saves the lab's progress on the way out.</summary>
    public void CloseLab() => _side.Close();

    /// <summary>The lab's progress as its session decided it (<see cref="Hosting.LabOptions.Authority"/>): shown now, or once no dialog is on top.</summary>
    public void LabUpdated(Labs.Sessions.LabProgress progress)
    {
        ShowReplayClock(); // a replay's lab moves with its clock: the header says the moment with it
        if (_side.LabUpdated(progress) && !(_refreshAfterDialog |= App is { } app && app.TopRunnableView != this))
        {
            _side.Refresh(); // else once the dialog has closed (RefreshAll)
        }
    }

    /// <summary>Sizes the main panels and the side column (lab, Explain) for the screen; no column below 40 columns for the rest.</summary>
    private void LayoutSide()
    {
        int width = Viewport.Width;
        int side = !_tooSmall.Visible && _side.Wanted ? Math.Clamp(width * 36 / 100, 28, 56) : 0;
        side = width - side < MainMinimumWidth ? 0 : side;
        foreach (View panel in new View[] { _processes, _cpu, _output, _split, _results, _pool, _summary })
        {
            panel.Width = Dim.Fill(side);
        }

        _states.Width = _sizes.StatesColumns(width - side);
        _side.PlaceAt(width - side, side, _header, () => Viewport.Height);
    }

    /// <summary>A side panel was asked for (<paramref name="wanted"/>) but there is no room for it: says so.</summary>
    private void SayIfNoRoom(bool? wanted)
    {
        if (wanted == true && !_side.ShowingLab && !_side.ShowingExplain)
        {
            _header.Say($"no room for the side panel: the terminal needs at least {MainMinimumWidth + 28} columns");
        }
    }

    /// <summary>o: the output back if another panel is in its place, else selected ↔ merged.</summary>
    private void ToggleOutput()
    {
        if (_place != OutputPlace.Output)
        {
            PutInPlace(OutputPlace.Output);
        }
        else
        {
            NextOutputView();
        }
    }

    /// <summary>/: asks what to find, then finds it in the output shown (the selected worker's or the merged), brought back first if another panel is in its place.</summary>
    private void Search()
    {
        SearchDialog dialog = new(ShownOutput.Query);
        Show(dialog);
        if (dialog.Confirmed)
        {
            Find(dialog.Query, forward: true);
        }
    }

    /// <summary>n / N: the next / previous match of the last search.</summary>
    private void SearchAgain(bool forward) => Find(null, forward);

    /// <summary>The output first (laid out, so that the match can be scrolled into view), then the search; what it found in the header too (the panel's title may be cut).</summary>
    private void Find(string? query, bool forward)
    {
        if (_place != OutputPlace.Output)
        {
            PutInPlace(OutputPlace.Output);
            App?.LayoutAndDraw();
        }

        string outcome = ShownOutput.Search(query, forward);
        _header.Say(outcome, error: outcome.Contains(": not found", StringComparison.Ordinal));
    }

    /// <summary>The user's settings as loaded (or empty): t saves them with the new theme, the rest as they were.</summary>
    public UserSettings Settings { get; set; } = new((string?)null);

    private void NextTheme()
    {
        if (_noColor)
        {
            _header.Say("NO_COLOR is set: colours stay off");
            return;
        }

        string next = _themes.Next(Terminal.Gui.Configuration.ThemeManager.Theme);
        if (!_themes.Apply(next))
        {
            _header.Say("no themes to switch to", error: true);
            return;
        }

        Settings = Settings with { Theme = next };
        string? problem = Settings.Save();
        _header.Say(problem ?? $"theme: {next}", error: problem is not null);
        App?.LayoutAndDraw(forceRedraw: true);
    }
}
