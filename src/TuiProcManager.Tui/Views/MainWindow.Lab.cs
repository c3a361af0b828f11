using TuiProcManager.Core.Events;
using TuiProcManager.Labs.Explaining;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Reports;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Tui.Hosting;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Dialogs;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// A lab (<c>tuiproc lab N</c>) and the Explain panel: both fold the same event stream as every other
/// panel. The lab's steps are ticked from the events, never from keys; its progress is saved after
/// every change, so that the lab resumes where it was left.
/// </summary>
internal sealed partial class MainWindow
{
    private ExplainModel? _explainModel;
    private string? _explainProblem;
    private LabOptions? _labOptions;
    private LabSession? _labSession;
    private LabMessage? _labMessage;
    private bool _labChanged;
    private bool _explainChanged;

    /// <summary>The lab session, when a lab is open (for tests).</summary>
    public LabSession? Lab => _labSession;

    /// <summary>Explains every action and change with <paramref name="texts"/>, or says why it cannot (<paramref name="problem"/>).</summary>
    public void UseExplainTexts(ExplainTexts? texts, string? problem)
    {
        _explainModel = texts is null ? null : new ExplainModel(new Explainer(texts, Environment.ProcessorCount));
        _explainProblem = problem;
    }

    /// <summary>Opens <paramref name="options"/>' lab: its panel shows, resumed from the saved progress.</summary>
    public void OpenLab(LabOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _labOptions = options;
        _labSession = new LabSession(options.Lab, options.Saved, DateTimeOffset.UtcNow, Environment.ProcessorCount);
        _labShown = true;
        _hints.Lab = true;
        if (options.Problem is { } problem)
        {
            // The header's line is replaced by the next message; the panel keeps it until a step is done.
            _header.Say(problem, error: true);
            _labMessage = new LabMessage("Your saved progress could not be used: " + problem, Roles.Failed);
        }
        else if (_labSession.DoneCount > 0)
        {
            _labMessage = new LabMessage($"Welcome back: {_labSession.DoneCount} of {Core.Text.Plural.Of(options.Lab.Steps.Length, "step")} done; on with step {_labSession.Current + 1}.", Roles.Hint);
        }

        LayoutSide();
        ShowLab(fromTop: true);
    }

    /// <summary>Folds events into the Explain model and the lab. Called with every batch, before the panels refresh.</summary>
    private void ApplyLabAndExplain(IList<SupervisorEvent> batch)
    {
        bool explained = false;
        foreach (SupervisorEvent e in batch)
        {
            explained |= _explainModel?.Apply(e) ?? false;
            if (_labSession is { } session)
            {
                foreach (int done in session.Observe(e))
                {
                    StepDone(session, done);
                }
            }
        }

        _explainChanged |= explained;
    }

    private void StepDone(LabSession session, int index)
    {
        LabStep step = session.Lab.Steps[index];
        string check = _ascii ? "[x]" : "✓";
        _labMessage = new LabMessage($"{check} Step {index + 1} done: {session.Expand(step.Done ?? step.Title)}", Roles.Running);
        _header.Note(session.IsFinished ? "lab finished: E saves a report for your teacher" : $"lab: step {index + 1} of {session.Lab.Steps.Length} done");
        _labChanged = true;
        SaveLab(); // at once: the panel may wait for a dialog to close, the saved progress should not
    }

    /// <summary>After a batch (not while a dialog is on top): redraws Explain if it changed; saves and redraws the lab if a step was done.</summary>
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
        if (_labSession is { } session)
        {
            _lab.Show(session, _labMessage, DateTimeOffset.UtcNow, fromTop); // hidden or not: LayoutSide may show it any time
        }
    }

    private void SaveLab()
    {
        if (_labSession is { } session && _labOptions is { } options && options.Store.Save(options.ProgressKey, session.Progress(DateTimeOffset.UtcNow)) is { } problem)
        {
            _header.Say(problem, error: true);
        }
    }

    /// <summary>Saves the lab's progress on the way out (the time spent is counted up to now).</summary>
    public void CloseLab() => SaveLab();

    private void ToggleLab()
    {
        if (_labSession is null)
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
        if (_labSession is not { } session || _labOptions is not { } options)
        {
            _header.Say(NoLab);
            return;
        }

        if (session.IsFinished)
        {
            _header.Say("the lab is finished: E saves a report");
            return;
        }

        string step = session.Lab.Steps[session.Current].Id;
        if (session.ShowHint() is null)
        {
            _header.Say("no more hints for this step");
            return;
        }

        options.Record?.Invoke(new LabRecord(LabRecordKind.Hint, DateTimeOffset.UtcNow, session.Lab.Id, step, null));
        SaveLab();
        ShowLab(fromTop: false);
    }

    private void Answer()
    {
        if (_labSession is not { } session || _labOptions is not { } options)
        {
            _header.Say(NoLab);
            return;
        }

        if (session.IsFinished || session.Lab.Steps[session.Current].Question is not { } question)
        {
            _header.Say(session.IsFinished ? "the lab is finished: E saves a report" : "this step asks no question: do what it says; it is ticked when the events show it");
            return;
        }

        LabStep step = session.Lab.Steps[session.Current];
        AnswerDialog dialog = new(session.Expand(step.Title), question, text =>
        {
            AnswerResult result = session.Answer(text, DateTimeOffset.UtcNow);
            if (result.Outcome is AnswerOutcome.Right or AnswerOutcome.Wrong)
            {
                options.Record?.Invoke(new LabRecord(LabRecordKind.Answer, DateTimeOffset.UtcNow, session.Lab.Id, step.Id, text));
                SaveLab(); // a wrong answer is counted even if the dialog is then cancelled
            }

            return result;
        });
        Show(dialog);
        if (dialog.Outcome is { } right)
        {
            foreach (int done in right.Done)
            {
                StepDone(session, done);
            }

            RefreshSide();
        }
        else
        {
            ShowLab(fromTop: false);
        }
    }

    private void ExportReport()
    {
        if (_labSession is not { } session || _labOptions is not { } options)
        {
            _header.Say(NoLab);
            return;
        }

        LabProgress progress = session.Progress(DateTimeOffset.UtcNow);
        string path = Path.Combine(options.ReportDirectory, $"tuiproc-lab-{session.Lab.Id}-report.md");
        string? problem = ReportFile.Write(options.Files, path, LabReport.Markdown(session.Lab, progress, options.User, options.Machine), out string? note);
        _header.Say(problem ?? $"report saved: {path}" + (note is null ? "" : "; " + note), error: problem is not null);
    }

    private const string NoLab = "no lab is open: tuiproc lab lists the labs, tuiproc lab 1 opens the first";
}
