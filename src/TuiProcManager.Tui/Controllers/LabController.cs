using TuiProcManager.Core.Events;
using TuiProcManager.Core.Text;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Reports;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Tui.Hosting;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views;

namespace TuiProcManager.Tui.Controllers;

/// <summary>
/// An open lab (<c>tuiproc lab N</c>): its session folds the same event stream as every panel, its steps are
/// ticked from the events (never from keys), and its progress is saved after every change, so that the lab
/// resumes where it was left. What the lab panel shows is <see cref="Session"/> and <see cref="Message"/>.
/// </summary>
/// <remarks>
/// <para>UI thread only. No Terminal.Gui type: it answers through <see cref="IStatusLine"/>, and the answer
/// dialog is the window's, which hands the text to <see cref="Answer"/>.</para>
/// <para>With an <see cref="LabOptions.Authority"/> (a session's server) the lab is decided there, from every
/// event, the ones that came while no screen was attached too: this controller then folds nothing itself,
/// shows the progress it is given (<see cref="Updated"/>), and passes hints and answers on.</para>
/// </remarks>
internal sealed class LabController
{
    private readonly LabOptions _options;
    private readonly TimeProvider _time;
    private readonly IStatusLine _status;
    private readonly bool _ascii;
    private readonly int _cores;

    /// <summary>Opens <paramref name="options"/>' lab, resumed from its saved progress.</summary>
    /// <param name="options">The lab, its progress store, where answers and reports go.</param>
    /// <param name="time">The clock of the session's times (time spent, when a step was done).</param>
    /// <param name="cores">The machine's cores, which some steps' texts name.</param>
    /// <param name="status">Where the lab says what happened.</param>
    /// <param name="ascii">Plain ASCII marks instead of ✓.</param>
    public LabController(LabOptions options, TimeProvider time, int cores, IStatusLine status, bool ascii)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _time = time;
        _status = status;
        _ascii = ascii;
        _cores = cores;
        Session = new LabSession(options.Lab, options.Saved, time.GetUtcNow(), cores);
        if (options.Problem is { } problem)
        {
            // The header's line is replaced by the next message; the panel keeps it until a step is done.
            status.Say(problem, error: true);
            Message = new LabMessage("Your saved progress could not be used: " + problem, Roles.Failed);
        }
        else if (Session.DoneCount > 0)
        {
            Message = new LabMessage($"Welcome back: {Session.DoneCount} of {Plural.Of(options.Lab.Steps.Length, "step")} done; on with step {Session.Current + 1}.", Roles.Hint);
        }
    }

    /// <summary>The lab's session: its steps, what is done, hints used.</summary>
    public LabSession Session { get; private set; }

    /// <summary>The panel's message: the last step done, or a welcome back.</summary>
    public LabMessage? Message { get; private set; }

    /// <summary>Now, on the lab's clock.</summary>
    public DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Ticks the steps <paramref name="e"/> completes, saving at once.</summary>
    /// <returns>True when a step was done: the panel should show it.</returns>
    public bool Observe(SupervisorEvent e)
    {
        if (_options.Authority is not null)
        {
            return false; // decided where every event is seen (Updated)
        }

        bool done = false;
        foreach (int index in Session.Observe(e))
        {
            StepDone(index);
            done = true;
        }

        return done;
    }

    /// <summary>H: the next hint of the current step.</summary>
    /// <returns>True when a hint was added (the panel shows it).</returns>
    public bool Hint()
    {
        if (Session.IsFinished)
        {
            _status.Say("the lab is finished: E saves a report");
            return false;
        }

        string step = Session.Lab.Steps[Session.Current].Id;
        if (_options.Authority is { } authority)
        {
            LabChange change = authority.Hint(step);
            Show(change.Progress);
            if (change.Problem is { } problem)
            {
                _status.Say(problem);
                return false;
            }

            _options.Record?.Invoke(new LabRecord(LabRecordKind.Hint, Now, Session.Lab.Id, step, null));
            return true;
        }

        if (Session.ShowHint() is null)
        {
            _status.Say("no more hints for this step");
            return false;
        }

        _options.Record?.Invoke(new LabRecord(LabRecordKind.Hint, Now, Session.Lab.Id, step, null));
        Save();
        return true;
    }

    /// <summary>The current step's question, or null (said why) when there is none to answer.</summary>
    public (LabStep Step, LabQuestion Question)? Question()
    {
        if (Session.IsFinished || Session.Lab.Steps[Session.Current].Question is not { } question)
        {
            _status.Say(Session.IsFinished ? "the lab is finished: E saves a report" : "this step asks no question: do what it says; it is ticked when the events show it");
            return null;
        }

        return (Session.Lab.Steps[Session.Current], question);
    }

    /// <summary>One answer to the current step's question, recorded and saved whether right or wrong.</summary>
    public AnswerResult Answer(LabStep step, string text)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (_options.Authority is { } authority)
        {
            LabChange change = authority.Answer(step.Id, text);
            Show(change.Progress);
            if (change.Answer is not { } answer)
            {
                return new AnswerResult(AnswerOutcome.NoQuestion, change.Problem ?? "the session did not take the answer", []);
            }

            if (answer.Outcome is AnswerOutcome.Right or AnswerOutcome.Wrong)
            {
                _options.Record?.Invoke(new LabRecord(LabRecordKind.Answer, Now, Session.Lab.Id, step.Id, text));
            }

            return answer;
        }

        AnswerResult result = Session.Answer(text, Now);
        if (result.Outcome is AnswerOutcome.Right or AnswerOutcome.Wrong)
        {
            _options.Record?.Invoke(new LabRecord(LabRecordKind.Answer, Now, Session.Lab.Id, step.Id, text));
            Save(); // a wrong answer is counted even if the dialog is then cancelled
        }

        return result;
    }

    /// <summary>The steps a right answer completed, once its dialog has closed.</summary>
    public void Answered(AnswerResult right)
    {
        ArgumentNullException.ThrowIfNull(right);
        foreach (int done in right.Done)
        {
            StepDone(done);
        }
    }

    /// <summary>E: the report for the teacher, as Markdown in the report folder; where it went is said.</summary>
    public void ExportReport()
    {
        LabProgress progress = Session.Progress(Now);
        string path = Path.Combine(_options.ReportDirectory, $"tuiproc-lab-{Session.Lab.Id}-report.md");
        string? problem = ReportFile.Write(_options.Files, path, LabReport.Markdown(Session.Lab, progress, _options.User, _options.Machine), out string? note);
        _status.Say(problem ?? $"report saved: {path}" + (note is null ? "" : "; " + note), error: problem is not null);
    }

    /// <summary>
    /// The progress as the lab's <see cref="LabOptions.Authority"/> decided it: the steps it completed since
    /// the last are said as this UI says its own.
    /// </summary>
    /// <returns>True when it changed what the panel shows.</returns>
    public bool Updated(LabProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        int[] before = [.. Enumerable.Range(0, Session.Lab.Steps.Length).Where(i => Session.Step(i).DoneAt is not null)];
        bool changed = Show(progress);
        foreach (int index in Enumerable.Range(0, Session.Lab.Steps.Length).Where(i => Session.Step(i).DoneAt is not null).Except(before))
        {
            StepDone(index);
        }

        return changed;
    }

    /// <summary>Saves the progress (the time spent counted up to now); a problem is said. With an authority, nothing: the authority saves.</summary>
    public void Save()
    {
        if (_options.Authority is not null)
        {
            return;
        }

        if (_options.Store.Save(_options.ProgressKey, Session.Progress(Now)) is { } problem)
        {
            _status.Say(problem, error: true);
        }
    }

    /// <summary>Shows <paramref name="progress"/> (an authority's); whether it differs from what was shown.</summary>
    private bool Show(LabProgress progress)
    {
        LabProgress shown = Session.Progress(Now);
        if (shown.Steps.Count == progress.Steps.Count && shown.Steps.All(p => progress.Steps.TryGetValue(p.Key, out StepProgress? other) && other == p.Value))
        {
            return false;
        }

        Session = new LabSession(_options.Lab, progress, Now, _cores);
        return true;
    }

    private void StepDone(int index)
    {
        LabStep step = Session.Lab.Steps[index];
        string check = _ascii ? "[x]" : "✓";
        Message = new LabMessage($"{check} Step {index + 1} done: {Session.Expand(step.Done ?? step.Title)}", Roles.Running);
        _status.Note(Session.IsFinished ? "lab finished: E saves a report for your teacher" : $"lab: step {index + 1} of {Session.Lab.Steps.Length} done");
        Save(); // at once: the panel may wait for a dialog to close, the saved progress should not (with an authority: saved there)
    }
}
