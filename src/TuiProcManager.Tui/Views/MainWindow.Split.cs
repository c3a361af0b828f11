using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// What the Output panel's place shows of the output: the selected worker's lines, all merged, or the split
/// (two to four chosen workers, <see cref="OutputSplitView"/>), which o cycles through; b adds or removes the
/// selected worker, B switches side by side ↔ stacked; f shows stdout, stderr or both, F each line's time, in
/// the panel and in every pane. The split is saved in the settings file at each change (<see cref="SplitSettings"/>).
/// </summary>
internal sealed partial class MainWindow
{
    private readonly OutputSplit _outputSplit = new();
    private bool _splitWanted; // the split shows when wanted and it has two workers or more

    /// <summary>Whether the split is in the Output panel's place (for tests).</summary>
    public bool ShowingSplit => _splitWanted && _outputSplit.Enough;

    /// <summary>The split's view (for tests).</summary>
    internal OutputSplitView Split => _split;

    /// <summary>The output panel, or the split's pane with the keyboard: what a search and the filter keys act on.</summary>
    private OutputPanel ShownOutput => ShowingSplit ? _split.Current ?? _output : _output;

    /// <summary>
    /// Takes the saved settings: the layout always, the workers if they were chosen in this session
    /// (<see cref="SessionName"/> must be set first); the split shows when it has two workers or more.
    /// </summary>
    public void RestoreOutputSplit(UserSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        Settings = settings;
        if (settings.OutputSplit is not { } saved)
        {
            return;
        }

        _outputSplit.Layout = saved.Layout == "stacked" ? SplitLayout.Stacked : SplitLayout.Beside;
        if (saved.Session == SessionName && saved.Workers is { } ids)
        {
            _outputSplit.Restore(ids.Select(id => new WorkerId(id)));
        }

        _splitWanted = _outputSplit.Enough;
        ShowSplit();
    }

    /// <summary>b: the selected worker into the split, or out of it; the split shows from its second worker.</summary>
    private void ToggleSplitWorker()
    {
        if (Selected is not { } worker)
        {
            _header.Say("select a worker first: b adds the selected worker to the split output");
            return;
        }

        if (!_outputSplit.Toggle(worker))
        {
            _header.Say($"the split shows {OutputSplit.MaxPanes} workers at most: b on one of them takes it out", error: true);
            return;
        }

        bool added = _outputSplit.Contains(worker);
        int count = _outputSplit.Workers.Count;
        _splitWanted = added ? _outputSplit.Enough : _splitWanted && _outputSplit.Enough;
        _header.Say(added
            ? count == 1 ? $"{worker} {_dashboard.Name(worker)} is in the split: select another worker and press b" : $"{worker} {_dashboard.Name(worker)} added to the split ({count} of {OutputSplit.MaxPanes})"
            : $"{worker} {_dashboard.Name(worker)} taken out of the split" + (_outputSplit.Enough ? "" : " (one worker left: the output panel is back)"));
        ShowSplitInPlace();
        SaveSplit();
    }

    /// <summary>B: side by side ↔ stacked (the split is brought back first if another view is in its place).</summary>
    private void ToggleSplitLayout()
    {
        _outputSplit.Layout = _outputSplit.Layout == SplitLayout.Beside ? SplitLayout.Stacked : SplitLayout.Beside;
        _splitWanted = _outputSplit.Enough;
        string layout = _outputSplit.Layout == SplitLayout.Beside ? "side by side" : "stacked";
        _header.Say(_outputSplit.Enough
            ? $"split: {layout}" + (ShowingSplit && _split.Arranged != _outputSplit.Layout ? " when there is room" : "")
            : $"split: {layout}, once it has two workers (b adds the selected one)");
        ShowSplitInPlace();
        SaveSplit();
    }

    /// <summary>f: both streams → stdout only → stderr only → both, in the panel and every pane.</summary>
    private void CycleOutputFilter()
    {
        OutputFilter next = _output.Filter switch
        {
            OutputFilter.Both => OutputFilter.Stdout,
            OutputFilter.Stdout => OutputFilter.Stderr,
            _ => OutputFilter.Both,
        };
        _output.Filter = next;
        _split.Filter = next;
        _header.Say(next switch
        {
            OutputFilter.Stdout => "output: stdout only",
            OutputFilter.Stderr => "output: stderr only",
            _ => "output: stdout and stderr",
        });
    }

    /// <summary>F: each line's time (when it was read), in local time, on or off.</summary>
    private void ToggleTimestamps()
    {
        bool on = !_output.Timestamps;
        _output.Timestamps = on;
        _split.Timestamps = on;
        _header.Say(on ? "output: each line with the time it was read" : "output: timestamps off");
    }

    /// <summary>The split, or the output panel, in the place (the output brought back first if another view is there).</summary>
    private void ShowSplitInPlace()
    {
        ShowSplit();
        if (_place != OutputPlace.Output)
        {
            PutInPlace(OutputPlace.Output);
        }
        else
        {
            ShowOnlyThePanelInPlace();
        }
    }

    /// <summary>The split's panes as the model says.</summary>
    private void ShowSplit()
    {
        _split.Show(_outputSplit);
        _split.Refresh(new HashSet<WorkerId>(), all: true);
    }

    /// <summary>Gives the keyboard to what shows the output: the split's pane, or the panel's list.</summary>
    private void FocusOutput()
    {
        if (ShowingSplit)
        {
            _split.FocusPane();
        }
        else
        {
            _output.FocusList();
        }
    }

    /// <summary>o, in the output's place: the selected worker's → all merged → the split (when it has two workers) → the selected worker's.</summary>
    private void NextOutputView()
    {
        if (ShowingSplit)
        {
            _splitWanted = false;
        }
        else if (!_output.Merged)
        {
            _output.ToggleMerged();
        }
        else
        {
            _output.ToggleMerged();
            _splitWanted = _outputSplit.Enough;
        }

        bool focused = _output.HasFocus || _split.HasFocus;
        ShowOnlyThePanelInPlace();
        if (focused)
        {
            FocusOutput();
        }
    }

    /// <summary>Saves the split with the rest of the settings; a failure is said in the header.</summary>
    private void SaveSplit()
    {
        Settings = Settings with
        {
            OutputSplit = new SplitSettings
            {
                Layout = _outputSplit.Layout == SplitLayout.Stacked ? "stacked" : "beside",
                Session = SessionName,
                Workers = [.. _outputSplit.Workers.Select(w => w.Value)],
            },
        };
        if (Settings.Save() is { } problem)
        {
            _header.Say(problem, error: true);
        }
    }
}
