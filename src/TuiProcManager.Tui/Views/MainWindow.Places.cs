using Terminal.Gui.ViewBase;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Tui.Models;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The Output panel's place: the screen is full, so Output, Results, Pool and the run summary take turns
/// there. r cycles Output → Results → Pool → Output; S shows the summary (or the output back); o gives
/// the output back from any of them. A pool that starts shows its panel; a pause-on-wait run that ends
/// shows the summary.
/// </summary>
internal sealed partial class MainWindow
{
    private OutputPlace _place = OutputPlace.Output;
    private PoolId? _poolChoice;

    /// <summary>What the Output panel's place shows (for tests).</summary>
    public OutputPlace Showing => _place;

    /// <summary>Whether the Run summary panel is in the Output panel's place (for tests).</summary>
    public bool ShowingSummary => _place == OutputPlace.Summary;

    /// <summary>r: Output → Results → Pool → Output (the summary goes on to Results).</summary>
    private void NextPlace() => Place(_place switch
    {
        OutputPlace.Output or OutputPlace.Summary => OutputPlace.Results,
        OutputPlace.Results => OutputPlace.Pool,
        _ => OutputPlace.Output,
    });

    /// <summary>Puts <paramref name="place"/> in the Output panel's place, with the keyboard if the one there had it.</summary>
    private void Place(OutputPlace place)
    {
        View[] panels = [_output, _results, _pool, _summary];
        bool focused = panels.Any(p => p.HasFocus);
        _place = place;
        UpdateSummary(fromTop: true);
        ShowPlace();
        RefreshPlace(results: true, pools: true);
        if (focused)
        {
            switch (place)
            {
                case OutputPlace.Output: _output.FocusList(); break;
                case OutputPlace.Results: _results.FocusList(); break;
                case OutputPlace.Pool: _pool.FocusLines(); break;
                default: _summary.FocusLines(); break;
            }
        }
    }

    /// <summary>Only the panel in the place is visible (none while the terminal is too small).</summary>
    private void ShowPlace()
    {
        bool small = _tooSmall.Visible;
        _output.Visible = !small && _place == OutputPlace.Output;
        _results.Visible = !small && _place == OutputPlace.Results;
        _pool.Visible = !small && _place == OutputPlace.Pool;
        _summary.Visible = !small && _place == OutputPlace.Summary;
        ShowFirstSteps();
    }

    /// <summary>Redraws the Results or Pool panel when it is the one shown and its model changed.</summary>
    private void RefreshPlace(bool results, bool pools)
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
        RefreshPlace(results: false, pools: true);
    }
}
