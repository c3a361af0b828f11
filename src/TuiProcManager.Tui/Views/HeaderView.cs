using System.Globalization;
using Terminal.Gui.Drawing;
using Attribute = Terminal.Gui.Drawing.Attribute;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
using TuiProcManager.Core.Workers;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The top line: how many workers are in each state, the scheduling mode, what a join is waiting for or
/// <c>Done!</c>, and the latest message (errors in the Failed role).
/// </summary>
internal sealed class HeaderView : View
{
    public HeaderView()
    {
        Height = 1;
        CanFocus = false;
    }

    public IReadOnlyDictionary<WorkerState, int> Counts { get; set; } = new Dictionary<WorkerState, int>();

    public int Failed { get; set; }

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

    protected override bool OnDrawingContent(DrawContext? context)
    {
        int width = Viewport.Width;
        Attribute header = Roles.Attribute(Roles.Header, this);
        SetAttribute(header);
        AddStr(0, 0, new string(' ', width));
        int x = Write(0, " tuiproc ", header, width);
        int total = Counts.Values.Sum();
        x = Write(x, string.Create(CultureInfo.InvariantCulture, $"│ {total} worker{(total == 1 ? "" : "s")}:"), header, width);
        foreach (WorkerState state in new[] { WorkerState.Running, WorkerState.Waiting, WorkerState.Paused, WorkerState.Starting })
        {
            int n = Counts.GetValueOrDefault(state);
            if (n > 0 || state is WorkerState.Running or WorkerState.Waiting)
            {
                x = Write(x, string.Create(CultureInfo.InvariantCulture, $" {n} {StateGlyphs.Word(state, null)}"), header, width);
            }
        }

        int ended = Counts.GetValueOrDefault(WorkerState.Ended);
        x = Write(x, string.Create(CultureInfo.InvariantCulture, $" {ended - Failed} done"), header, width);
        if (Failed > 0)
        {
            x = Write(x, string.Create(CultureInfo.InvariantCulture, $" {Failed} failed"), header, width);
        }

        x = Write(x, $" │ mode: {Mode} ", header, width);
        if (Join is not null)
        {
            x = Write(x, "│ " + Join + " ", header, width);
        }

        if (Message is not null)
        {
            Attribute attribute = MessageIsError ? Roles.Attribute(Roles.Failed, this) : header;
            Write(x, "│ " + Message, attribute, width);
        }

        return true;
    }

    private int Write(int x, string text, Attribute attribute, int width)
    {
        if (x >= width)
        {
            return x;
        }

        SetAttribute(attribute);
        string clipped = TextFormatter.ClipAndJustify(text, width - x, Alignment.Start);
        AddStr(x, 0, clipped);
        return x + clipped.GetColumns();
    }
}
