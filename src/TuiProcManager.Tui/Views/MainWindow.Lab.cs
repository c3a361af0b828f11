using TuiProcManager.Core.Events;
using TuiProcManager.Labs.Explaining;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Tui.Controllers;
using TuiProcManager.Tui.Hosting;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Views.Dialogs;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The side column's panels: the lab (<see cref="LabController"/>, <c>tuiproc lab N</c>) and Explain. Both fold
/// the same event stream as every other panel; here they are only shown.
/// </summary>
internal sealed partial class MainWindow
{
    private ExplainModel? _explainModel;
    private string? _explainProblem;
    private LabController? _labController;
    private bool _labChanged;
    private bool _explainChanged;

    /// <summary>The lab session, when a lab is open (for tests).</summary>
    public LabSession? Lab => _labController?.Session;

    /// <summary>Explains every action and change with <paramref name="texts"/>, or says why it cannot (<paramref name="problem"/>).</summary>
    public void UseExplainTexts(ExplainTexts? texts, string? problem)
    {
        _explainModel = texts is null ? null : new ExplainModel(new Explainer(texts, _machine.Cores));
        _explainProblem = problem;
    }

    /// <summary>Opens <paramref name="options"/>' lab: its panel shows, resumed from the saved progress.</summary>
    public void OpenLab(LabOptions options)
    {
        _labController = new LabController(options, _time, _machine.Cores, _header, _ascii);
        _labShown = true;
        _hints.Lab = true;
        LayoutSide();
        ShowLab(fromTop: true);
    }

    /// <summary>Folds events into the Explain model and the lab. Called with every batch, before the panels refresh.</summary>
    private void ApplyLabAndExplain(IList<SupervisorEvent> batch)
    {
        foreach (SupervisorEvent e in batch)
        {
            _explainChanged |= _explainModel?.Apply(e) ?? false;
            _labChanged |= _labController?.Observe(e) ?? false;
        }
    }

    /// <summary>After a batch (not while a dialog is on top): redraws Explain if it changed, the lab if a step was done.</summary>
    private void RefreshSide()
    {
        if (_explainChanged)
        {
            _explainChanged = false;
            _explain.Show(_explainModel);
        }

        if (_labChanged)
        {
            _labChanged = false;
            ShowLab(fromTop: true);
        }
    }

    private void ShowLab(bool fromTop)
    {
        if (_labController is { } lab)
        {
            _lab.Show(lab.Session, lab.Message, lab.Now, fromTop); // hidden or not: LayoutSide may show it any time
        }
    }

    /// <summary>Saves the lab's progress on the way out (the time spent is counted up to now).</summary>
    public void CloseLab() => _labController?.Save();

    private void ToggleLab()
    {
        if (_labController is null)
        {
            _header.Say(NoLab);
            return;
        }

        _labShown = !_labShown;
        LayoutSide();
        ShowLab(fromTop: false);
        SayIfNoRoom(_labShown);
    }

    private void ToggleExplain()
    {
        if (_explainModel is null)
        {
            _header.Say(_explainProblem ?? "the Explain texts are not available", error: true);
            return;
        }

        _explainShown = !_explainShown;
        LayoutSide();
        _explainChanged = false;
        _explain.Show(_explainModel);
        ShowLab(fromTop: false);
        SayIfNoRoom(_explainShown);
    }

    private void SayIfNoRoom(bool wanted)
    {
        if (wanted && !_lab.Visible && !_explain.Visible)
        {
            _header.Say($"no room for the side panel: the terminal needs at least {MainMinimumWidth + 28} columns");
        }
    }

    private void Hint()
    {
        if (_labController is not { } lab)
        {
            _header.Say(NoLab);
        }
        else if (lab.Hint())
        {
            ShowLab(fromTop: false);
        }
    }

    private void Answer()
    {
        if (_labController is not { } lab)
        {
            _header.Say(NoLab);
            return;
        }

        if (lab.Question() is not var (step, question))
        {
            return;
        }

        AnswerDialog dialog = new(lab.Session.Expand(step.Title), question, text => lab.Answer(step, text));
        Show(dialog);
        if (dialog.Outcome is { } right)
        {
            lab.Answered(right);
            _labChanged = true;
            RefreshSide();
        }
        else
        {
            ShowLab(fromTop: false);
        }
    }

    private void ExportReport()
    {
        if (_labController is not { } lab)
        {
            _header.Say(NoLab);
            return;
        }

        lab.ExportReport();
    }

    private const string NoLab = "no lab is open: tuiproc lab lists the labs, tuiproc lab 1 opens the first";
}
