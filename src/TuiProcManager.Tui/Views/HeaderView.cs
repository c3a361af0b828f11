using System.Globalization;
using System.Text;
using Attribute = Terminal.Gui.Drawing.Attribute;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Models;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Drawing;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The top line: how many workers are in each state, the scheduling mode, what a join is waiting for or
/// <c>Done!</c>, and the latest message (errors in the Failed role).
/// </summary>
/// <remarks>
/// The mode is never cut off: where the whole line does not fit (pause-on-wait at 80 columns), the counts
/// shrink to the number of workers, whose states the table shows anyway.
/// </remarks>
internal sealed class HeaderView : CanvasView
{
    private static readonly ShownState[] Listed =
    [
        new(WorkerState.Running), new(WorkerState.Waiting), new(WorkerState.Paused), new(WorkerState.Paused, Queued: true), new(WorkerState.Starting),
    ];

    public HeaderView()
    {
        Height = 1;
        CanFocus = false;
    }

    public IReadOnlyDictionary<ShownState, int> Counts { get; set; } = new Dictionary<ShownState, int>();

    public int Failed { get; set; }

    /// <summary>Between the parts of the line: "│", or "|" where only ASCII can be shown.</summary>
    public string Separator { get; init; } = "│";

    /// <summary>The scheduling mode, as <see cref="SchedulingModel.Describe"/> says it.</summary>
    public string Mode { get; set; } = "parallel";

    /// <summary>Join status: "joining 2 of 3…", "Done!", or null.</summary>
    public string? Join { get; set; }

    public string? Message { get; private set; }

    public bool MessageIsError { get; private set; }

    public void Say(string? message, bool error = false)
    {
        Message = message;
        MessageIsError = error;
        SetNeedsDraw();
    }

    protected override void Render(CellCanvas canvas)
    {
        Attribute header = Roles.Attribute(Roles.Header, this);
        canvas.Fill(0, 0, canvas.Width, ' ', header);
        const string name = " tuiproc ";
        string mode = $" {Separator} mode: {Mode} ";
        string counts = FullCounts();
        if (name.Length + counts.Length + mode.Length > canvas.Width)
        {
            counts = WorkersText(Counts.Values.Sum());
        }

        int x = canvas.Write(0, 0, name, header);
        x = canvas.Write(x, 0, counts, header);
        x = canvas.Write(x, 0, mode, header);
        if (Join is not null)
        {
            x = canvas.Write(x, 0, Separator + " " + Join + " ", header);
        }

        if (Message is not null)
        {
            Attribute attribute = MessageIsError ? Roles.Attribute(Roles.Failed, this) : header;
            canvas.Write(x, 0, Separator + " " + Message, attribute);
        }
    }

    /// <summary><c>│ 3 workers: 1 running 0 waiting 2 queued 0 done</c>: running and waiting always, the others when there are any.</summary>
    private string FullCounts()
    {
        StringBuilder text = new(WorkersText(Counts.Values.Sum()));
        text.Append(':');
        foreach (ShownState state in Listed)
        {
            int n = Counts.GetValueOrDefault(state);
            if (n > 0 || state.State is WorkerState.Running or WorkerState.Waiting)
            {
                text.Append(CultureInfo.InvariantCulture, $" {n} {StateGlyphs.Word(state.State, null, state.Queued)}");
            }
        }

        int ended = Counts.GetValueOrDefault(new ShownState(WorkerState.Ended));
        text.Append(CultureInfo.InvariantCulture, $" {ended - Failed} done");
        if (Failed > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $" {Failed} failed");
        }

        return text.ToString();
    }

    private string WorkersText(int total) => string.Create(CultureInfo.InvariantCulture, $"{Separator} {total} worker{(total == 1 ? "" : "s")}");
}
