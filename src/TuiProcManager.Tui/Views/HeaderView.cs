using System.Globalization;
using Attribute = Terminal.Gui.Drawing.Attribute;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Theming;
using TuiProcManager.Tui.Views.Drawing;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The top line: how many workers are in each state, the scheduling mode, what a join is waiting for or
/// <c>Done!</c>, and the latest message (errors in the Failed role).
/// </summary>
internal sealed class HeaderView : CanvasView
{
    public HeaderView()
    {
        Height = 1;
        CanFocus = false;
    }

    public IReadOnlyDictionary<WorkerState, int> Counts { get; set; } = new Dictionary<WorkerState, int>();

    public int Failed { get; set; }

    /// <summary>Between the parts of the line: "│", or "|" where only ASCII can be shown.</summary>
    public string Separator { get; init; } = "│";

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
        int x = canvas.Write(0, 0, " tuiproc ", header);
        int total = Counts.Values.Sum();
        x = canvas.Write(x, 0, string.Create(CultureInfo.InvariantCulture, $"{Separator} {total} worker{(total == 1 ? "" : "s")}:"), header);
        foreach (WorkerState state in new[] { WorkerState.Running, WorkerState.Waiting, WorkerState.Paused, WorkerState.Starting })
        {
            int n = Counts.GetValueOrDefault(state);
            if (n > 0 || state is WorkerState.Running or WorkerState.Waiting)
            {
                x = canvas.Write(x, 0, string.Create(CultureInfo.InvariantCulture, $" {n} {StateGlyphs.Word(state, null)}"), header);
            }
        }

        int ended = Counts.GetValueOrDefault(WorkerState.Ended);
        x = canvas.Write(x, 0, string.Create(CultureInfo.InvariantCulture, $" {ended - Failed} done"), header);
        if (Failed > 0)
        {
            x = canvas.Write(x, 0, string.Create(CultureInfo.InvariantCulture, $" {Failed} failed"), header);
        }

        x = canvas.Write(x, 0, $" {Separator} mode: {Mode} ", header);
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
}
