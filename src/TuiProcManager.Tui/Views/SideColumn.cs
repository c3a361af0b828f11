using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Labs.Explaining;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Tui.Controllers;
using TuiProcManager.Tui.Hosting;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Dialogs;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The side column: the lab panel (L; its lab in a <see cref="LabController"/>) and the Explain panel (e),
/// on the right, one above the other when both are shown. Both fold the same event stream as every other
/// panel (<see cref="Observe"/>) and are redrawn after the batch (<see cref="Refresh"/>).
/// </summary>
/// <remarks>UI thread only. The window adds <see cref="Panels"/> and gives the column its place (<see cref="PlaceAt"/>).</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The panels are the window's subviews: the window disposes them.")]
internal sealed class SideColumn
{
    private const string NoLab = "no lab is open: tuiproc lab lists the labs, tuiproc lab 1 opens the first";

    private readonly LabPanel _lab;
    private readonly ExplainPanel _explain;
    private readonly IStatusLine _status;
    private readonly TimeProvider _time;
    private readonly MachineFacts _machine;
    private readonly bool _ascii;
    private readonly Action _relayout;
    private ExplainModel? _explainModel;
    private string? _explainProblem;
    private LabController? _labController;
    private bool _labShown;
    private bool _explainShown;
    private bool _labChanged;
    private bool _explainChanged;

    /// <param name="glyphs">The terminal's glyphs.</param>
    /// <param name="status">Where the column answers a key.</param>
    /// <param name="time">The lab's clock.</param>
    /// <param name="machine">The machine's cores, which lab and Explain texts name.</param>
    /// <param name="relayout">Lays the window out again: a panel was shown or hidden.</param>
    public SideColumn(StateGlyphs glyphs, IStatusLine status, TimeProvider time, MachineFacts machine, Action relayout)
    {
        _lab = new LabPanel(glyphs) { Visible = false };
        _explain = new ExplainPanel(glyphs) { Visible = false };
        _status = status;
        _time = time;
        _machine = machine;
        _ascii = glyphs == StateGlyphs.Ascii;
        _relayout = relayout;
    }

    /// <summary>The column's panels, for the window to add.</summary>
    public View[] Panels => [_lab, _explain];

    /// <summary>A panel of the column is wanted (shown when there is room).</summary>
    public bool Wanted => _labShown || _explainShown;

    /// <summary>The lab session, when a lab is open.</summary>
    public LabSession? Lab => _labController?.Session;

    /// <summary>Whether the lab panel is on screen.</summary>
    public bool ShowingLab => _lab.Visible;

    /// <summary>Whether the Explain panel is on screen.</summary>
    public bool ShowingExplain => _explain.Visible;

    /// <summary>Explains every action and change with <paramref name="texts"/>, or says why it cannot (<paramref name="problem"/>).</summary>
    public void UseExplainTexts(ExplainTexts? texts, string? problem)
    {
        _explainModel = texts is null ? null : new ExplainModel(new Explainer(texts, _machine.Cores));
        _explainProblem = problem;
    }

    /// <summary>Opens <paramref name="options"/>' lab: its panel shows, resumed from the saved progress.</summary>
    public void OpenLab(LabOptions options)
    {
        _labController = new LabController(options, _time, _machine.Cores, _status, _ascii);
        _labShown = true;
        _relayout();
        ShowLab(fromTop: true);
    }

    /// <summary>Folds a batch into the Explain model and the lab (before the panels refresh).</summary>
    public void Observe(IList<SupervisorEvent> batch)
    {
        foreach (SupervisorEvent e in batch)
        {
            _explainChanged |= _explainModel?.Apply(e) ?? false;
            _labChanged |= _labController?.Observe(e) ?? false;
        }
    }

    /// <summary>The lab's progress as its authority decided it; whether the panel must show it (<see cref="Refresh"/>).</summary>
    public bool LabUpdated(LabProgress progress)
    {
        bool changed = _labController?.Updated(progress) ?? false;
        _labChanged |= changed;
        return changed;
    }

    /// <summary>After a batch (not while a dialog is on top): redraws Explain if it changed, the lab if a step was done.</summary>
    public void Refresh()
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

    /// <summary>Puts the column at <paramref name="x"/>, <paramref name="width"/> columns wide (0: hidden), below <paramref name="header"/>.</summary>
    public void PlaceAt(int x, int width, View header, Func<int> screenHeight)
    {
        _lab.Visible = width > 0 && _labShown;
        _explain.Visible = width > 0 && _explainShown;
        bool both = _explain.Visible && _lab.Visible;
        foreach (View panel in Panels)
        {
            panel.X = x;
            panel.Width = width;
        }

        // Between the header (which grows with a long message) and the key hints.
        _lab.Y = Pos.Bottom(header);
        _lab.Height = both ? Dim.Func(_ => Math.Max(2, screenHeight() - 1 - header.Frame.Height) * 55 / 100) : Dim.Fill(1);
        _explain.Y = _lab.Visible ? Pos.Bottom(_lab) : Pos.Bottom(header);
        _explain.Height = Dim.Fill(1);
    }

    /// <summary>L: the lab panel on or off.</summary>
    /// <returns>Whether it is wanted now (null: no lab is open).</returns>
    public bool? ToggleLab()
    {
        if (_labController is null)
        {
            _status.Say(NoLab);
            return null;
        }

        _labShown = !_labShown;
        _relayout();
        ShowLab(fromTop: false);
        return _labShown;
    }

    /// <summary>e: the Explain panel on or off.</summary>
    /// <returns>Whether it is wanted now (null: there are no texts).</returns>
    public bool? ToggleExplain()
    {
        if (_explainModel is null)
        {
            _status.Say(_explainProblem ?? "the Explain texts are not available", error: true);
            return null;
        }

        _explainShown = !_explainShown;
        _relayout();
        _explainChanged = false;
        _explain.Show(_explainModel);
        ShowLab(fromTop: false);
        return _explainShown;
    }

    /// <summary>h: the next hint of the lab's step.</summary>
    public void Hint()
    {
        if (_labController is not { } lab)
        {
            _status.Say(NoLab);
        }
        else if (lab.Hint())
        {
            ShowLab(fromTop: false);
        }
    }

    /// <summary>a: the step's question, answered in a dialog that <paramref name="show"/> runs (modal).</summary>
    public void Answer(Action<Dialog> show)
    {
        if (_labController is not { } lab)
        {
            _status.Say(NoLab);
            return;
        }

        if (lab.Question() is not var (step, question))
        {
            return;
        }

        AnswerDialog dialog = new(lab.Session.Expand(step.Title), question, text => lab.Answer(step, text));
        show(dialog);
        if (dialog.Outcome is { } right)
        {
            lab.Answered(right);
            _labChanged = true;
            Refresh();
        }
        else
        {
            ShowLab(fromTop: false);
        }
    }

    /// <summary>E: the lab's report for the teacher.</summary>
    public void ExportReport()
    {
        if (_labController is { } lab)
        {
            lab.ExportReport();
        }
        else
        {
            _status.Say(NoLab);
        }
    }

    /// <summary>Saves the lab's progress on the way out (the time spent is counted up to now).</summary>
    public void Close() => _labController?.Save();

    private void ShowLab(bool fromTop)
    {
        if (_labController is { } lab)
        {
            _lab.Show(lab.Session, lab.Message, lab.Now, fromTop); // hidden or not: the layout may show it any time
        }
    }
}
