using System.Drawing;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Text;
using Terminal.Gui.Views;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Controllers;
using TuiProcManager.Tui.Input;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The whole screen: header, Processes, States and CPU side by side, Output, key hints. Every panel is fed
/// from the event stream through <see cref="Apply"/>; the selected row of Processes drives the others.
/// </summary>
/// <remarks>
/// UI thread only. Layout is in proportions of the screen, so it adapts to any size from 80×24 up and to
/// resizes; below <see cref="MinimumSize"/> it shows a message instead of drawing panels too small to read.
/// </remarks>
internal sealed partial class MainWindow : Runnable
{
    /// <summary>The smallest screen the panels are drawn on.</summary>
    public static readonly Size MinimumSize = new(60, 16);

    private readonly Dashboard _dashboard;
    private readonly IExecutableResolver _resolver;
    private readonly ThemeCatalog _themes;
    private readonly bool _noColor;
    private readonly HeaderView _header;
    private readonly ProcessPanel _processes;
    private readonly StatesPanel _states;
    private readonly CpuPanel _cpu;
    private readonly OutputPanel _output;
    private readonly OutputSplitView _split;
    private readonly SummaryPanel _summary;
    private readonly ResultsPanel _results;
    private readonly PoolPanel _pool;
    private readonly HintsView _hints;
    private readonly WrappedText _tooSmall;
    private readonly FirstStepsView _firstSteps;
    private readonly SideColumn _side;
    private readonly Pointer.PanelSizes _sizes = new(); // the panels' heights and the States panel's width, as borders are dragged
    private readonly MachineFacts _machine;
    private readonly WorkerActions _actions;
    private readonly bool _ascii;

    public MainWindow(Dashboard dashboard, ISupervisor supervisor, IExecutableResolver resolver, ThemeCatalog themes, bool noColor, StateGlyphs glyphs, TimeProvider time, MachineFacts machine)
    {
        _dashboard = dashboard;
        _resolver = resolver;
        _themes = themes;
        _noColor = noColor;
        _machine = machine;
        Func<DateTimeOffset> now = time.GetUtcNow;
        _ascii = glyphs == StateGlyphs.Ascii;
        Width = Dim.Fill();
        Height = Dim.Fill();

        _header = new HeaderView { X = 0, Y = 0, Width = Dim.Fill(), Separator = glyphs.Separator, Mode = dashboard.Scheduling.Describe() };
        _processes = new ProcessPanel(dashboard.Processes, glyphs, now) { X = 0, Y = Pos.Bottom(_header), Width = Dim.Fill() };
        _processes.Height = Dim.Func(_ => _sizes.ProcessesRows(Viewport.Height));
        _states = new StatesPanel(dashboard.Timeline, glyphs, now)
        {
            X = 0, Y = Pos.Bottom(_processes), Width = Dim.Percent(62), CanFocus = false,
        };
        _states.Height = Dim.Func(_ => _sizes.MiddleRows(Viewport.Height));
        _cpu = new CpuPanel(dashboard.Cpu, dashboard.Name, glyphs)
        {
            X = Pos.Right(_states), Y = Pos.Top(_states), Width = Dim.Fill(), Height = Dim.Height(_states), CanFocus = false,
        };
        _output = new OutputPanel(dashboard.Output, dashboard.Name, glyphs) { X = 0, Y = Pos.Bottom(_states), Width = Dim.Fill(), Height = Dim.Fill(1) };
        _split = new OutputSplitView(dashboard.Output, dashboard.Name, glyphs) { X = 0, Y = Pos.Bottom(_states), Width = Dim.Fill(), Height = Dim.Fill(1), Visible = false };
        _summary = new SummaryPanel(glyphs) { X = 0, Y = Pos.Bottom(_states), Width = Dim.Fill(), Height = Dim.Fill(1), Visible = false };
        _results = new ResultsPanel(dashboard.Results, dashboard.Name, glyphs) { X = 0, Y = Pos.Bottom(_states), Width = Dim.Fill(), Height = Dim.Fill(1), Visible = false };
        _pool = new PoolPanel(glyphs) { X = 0, Y = Pos.Bottom(_states), Width = Dim.Fill(), Height = Dim.Fill(1), Visible = false };
        _hints = new HintsView(_ascii) { X = 0, Y = Pos.AnchorEnd(1), Width = Dim.Fill(), Pressed = ActUnlessADialogIsOpen };
        _tooSmall = new WrappedText { X = 0, Y = Pos.Center(), Width = Dim.Fill(), Centered = true, Visible = false };
        _tooSmall.Height = Dim.Func(_ => _tooSmall.RowsAt(Viewport.Width)); // wrapped: the notice is read in full on any screen
        _firstSteps = new FirstStepsView { X = 1, Y = Pos.Top(_output) + 1, Width = Dim.Width(_output) - 2, Height = Dim.Height(_output) - 2, Visible = false };
        _side = new SideColumn(glyphs, _header, time, machine, LayoutSide); // placed by LayoutSide
        Add(_header, _processes, _states, _cpu, _output, _split, _firstSteps, _results, _pool, _summary);
        Add(_side.Panels);
        Add(_hints, _tooSmall);
        _ = new Pointer.BorderDrag(this, _sizes, _processes, _states, _cpu, () => _hints.Frame.Y, () =>
        {
            LayoutSide();
            SetNeedsLayout(); // the heights are functions of the sizes: nothing else says they changed
        }); // a press on a border between panels drags it

        // A worker spawned from a dialog is the one keys act on from the spawn's answer, before its row shows.
        _actions = new WorkerActions(supervisor, this, _header, OnUi, dashboard, () => _pendingSelection ?? Selected)
        {
            Spawned = id => SelectWhenShown(id),
            PoolStarted = OnPoolStarted,
            JoinStatusChanged = UpdateJoinStatus,
        };
        _processes.SelectionChanged += (_, _) => OnSelectionChanged();
        _output.Selector.Copy = CopySelection;
        _split.Copy = CopySelection;
        IsRunningChanged += (_, e) =>
        {
            if (e.Value)
            {
                _processes.FocusTable();
                HookKeys();
            }
            else
            {
                UnhookKeys();
            }
        };
        foreach (ThemeProblem problem in themes.Problems)
        {
            SayStartupProblem(problem.ToString());
        }
    }

    /// <summary>Which key does what: the defaults, or the user's keys file's (set before the UI runs); the key bar and the help show them.</summary>
    public KeyTable Keys
    {
        get => _keys;
        set
        {
            _keys = value;
            _hints.Keys = value;
            _hints.SetNeedsDraw();
        }
    }

    private KeyTable _keys = KeyTable.Defaults;

    /// <summary>A click on the key bar: as its key would, only while no dialog is over this window (keys typed into a dialog are the dialog's too).</summary>
    private void ActUnlessADialogIsOpen(UiAction action)
    {
        if (App?.TopRunnableView == this)
        {
            Act(action);
        }
    }

    /// <summary>How the screen shows <paramref name="action"/>'s first key; null when it has none.</summary>
    private string? KeyFor(UiAction action) => _keys.KeysOf(action) is [string first, ..] ? KeyNames.Shown(first, _ascii) : null;

    /// <summary>
    /// Says in the header what could not be used at start (a theme or settings file), in one line: the
    /// first problem, and how many more there are.
    /// </summary>
    public void SayStartupProblem(string problem)
    {
        _startupProblems.Add(problem);
        int more = _startupProblems.Count - 1;
        _header.Say(_startupProblems[0] + (more == 0 ? "" : $" (and {more} more problem{(more == 1 ? "" : "s")} with config files)"), error: true);
    }

    private readonly List<string> _startupProblems = [];

    /// <summary>Says in the header, as an error, a problem that came while running (an events file that cannot be written).</summary>
    public void SayProblem(string problem) => _header.Say(problem, error: true);

    /// <summary>Shows what the session's server said: a problem, or who watches now (in the header's first row too).</summary>
    public void SayNotice(Hosting.ServerNotice notice)
    {
        ArgumentNullException.ThrowIfNull(notice);
        if (notice.Watchers is not { } watchers)
        {
            SayProblem(notice.Text);
            return;
        }

        _header.Watchers = watchers.Count == 0 ? null : "watched by " + string.Join(", ", watchers);
        _header.Note(notice.Text);
    }

    /// <summary>What the header says (for tests).</summary>
    public string? HeaderMessage => _header.Message;

    /// <summary>Folds a batch of events into the panels and redraws what changed.</summary>
    /// <remarks>
    /// While a dialog is on top the models still take every event, but the panels wait: Terminal.Gui
    /// 2.5.0 draws a changed view under a modal dialog over it. They are all refreshed when it closes.
    /// </remarks>
    public void Apply(IList<SupervisorEvent> batch)
    {
        DashboardChanges changes = _dashboard.Apply(batch);
        ShowReplayClock();
        foreach (SupervisorEvent e in batch)
        {
            Report(e);
        }

        _side.Observe(batch);

        UpdateJoinStatus();

        if (App is { } app && app.TopRunnableView != this)
        {
            _refreshAfterDialog = true;
            _runAfterDialog = changes.Run != RunChange.None ? changes.Run : _runAfterDialog;
            _poolStartedAfterDialog = changes.PoolStarted ?? _poolStartedAfterDialog;
            return;
        }

        Refresh(changes);
    }

    /// <summary>Redraws every panel (after a dialog closed).</summary>
    private void RefreshAll()
    {
        _refreshAfterDialog = false;
        RunChange run = _runAfterDialog;
        _runAfterDialog = RunChange.None;
        PoolId? poolStarted = _poolStartedAfterDialog;
        _poolStartedAfterDialog = null;
        Refresh(new DashboardChanges(true, true, true, new HashSet<WorkerId>(_dashboard.Processes.Workers.Select(w => w.Id)), Scheduling: true, run, Results: true, Pools: true, poolStarted));
    }

    private bool _refreshAfterDialog;
    private RunChange _runAfterDialog; // a run that started or ended while a dialog was on top
    private PoolId? _poolStartedAfterDialog; // likewise, a pool that started
    private PoolFinished? _poolFinished; // a pool that finished, not yet said in the header

    private void Refresh(DashboardChanges changes)
    {
        if (changes.Table)
        {
            ShowFirstSteps();
            _processes.Refresh();
            UpdateCounts();
            SelectWhenShown(_pendingSelection);
        }

        if (changes.Timeline)
        {
            _states.Refresh();
        }

        if (changes.Cpu)
        {
            _cpu.Refresh();
        }

        if (changes.Scheduling)
        {
            _header.Mode = _dashboard.Scheduling.Describe();
            _header.SetNeedsDraw();
        }

        if (changes.Run != RunChange.None)
        {
            OnRun(changes.Run);
        }
        else if (changes.Table)
        {
            UpdateSummary(); // the run so far, while it is going
        }

        if (_poolFinished is { } finished)
        {
            _poolFinished = null;
            ReportPoolFinished(finished);
        }

        if (changes.PoolStarted is { } started)
        {
            OnPoolStarted(started);
        }

        RefreshThePanelInPlace(changes.Results, changes.Pools);
        _side.Refresh();

        if (ShowingSplit)
        {
            _split.Refresh(changes.OutputOf, all: changes.Reset); // only the panes of the workers that wrote
        }
        else if (changes.Reset || (_output.Merged ? changes.OutputOf.Count > 0 : Selected is { } w && changes.OutputOf.Contains(w)))
        {
            _output.Refresh();
        }

        OnSelectionChanged();
    }

    /// <summary>The first steps show in the Output panel's place until a worker has been started.</summary>
    private void ShowFirstSteps()
    {
        _firstSteps.Lab = _side.Lab is not null;
        _firstSteps.Visible = _output.Visible && _dashboard.Processes.Workers.Count == 0;
        _firstSteps.SetNeedsDraw();
    }

    private void UpdateCounts()
    {
        _header.Counts = _dashboard.Processes.CountByState();
        _header.Failed = _dashboard.Processes.Workers.Count(w => w.Exit is { Succeeded: false });
        _header.SetNeedsDrawIfChanged();
    }

    /// <summary>The header's join status, as <see cref="WorkerActions.JoinStatus"/> says it is now.</summary>
    private void UpdateJoinStatus()
    {
        string? status = _actions.JoinStatus;
        if (status != _header.Join)
        {
            _header.Join = status;
            _header.SetNeedsDraw();
        }
    }

    /// <summary>Events worth a line in the header: a worker that could not start, a pool that finished.</summary>
    private void Report(SupervisorEvent e)
    {
        if (e is WorkerEnded { Exit.Kind: ExitKind.FailedToStart } failed)
        {
            _header.Say($"worker {failed.Worker} failed to start: {failed.Exit.Reason}", error: true);
        }
        else if (e is PoolFinished finished)
        {
            _poolFinished = finished; // said once the panels are refreshed, after the run's own message
        }
    }
}
