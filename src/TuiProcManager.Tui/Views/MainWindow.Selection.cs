using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The selection: the worker whose row is selected, which the panels follow, and a worker just spawned from a
/// dialog, selected once its row shows and the one the keys act on until then.
/// </summary>
internal sealed partial class MainWindow
{
    private WorkerId? _selectedBefore; // the selection the panels last followed
    private WorkerId? _pendingSelection; // see SelectWhenShown

    /// <summary>The worker whose row is selected.</summary>
    public WorkerId? Selected => _processes.Selected;

    /// <summary>
    /// Selects <paramref name="spawned"/>, a worker just spawned from a dialog, once its row is in the table;
    /// pending until then. In a session its row may come before the spawn's answer: selected at the answer.
    /// </summary>
    private void SelectWhenShown(WorkerId? spawned)
    {
        _pendingSelection = spawned;
        if (spawned is { } id && _dashboard.Processes.Find(id) is not null)
        {
            _processes.Refresh(); // the row may be in the model only (a batch applied while a dialog was on top)
            _processes.Select(id);
            _pendingSelection = null;
        }
    }

    private void OnSelectionChanged()
    {
        WorkerId? selected = Selected;
        _output.ShowWorker(selected);
        if (_states.Selected != selected)
        {
            _states.Selected = selected;
        }

        if (_cpu.Selected != selected)
        {
            _cpu.Selected = selected;
        }

        if (selected != _selectedBefore)
        {
            _selectedBefore = selected;
            ChoosePool(selected is { } w ? _dashboard.Pools.Of(w)?.Id : null);
        }
    }
}
