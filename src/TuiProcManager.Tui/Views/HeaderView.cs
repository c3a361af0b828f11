using System.Globalization;
using System.Text;
using Terminal.Gui.Text;
using Terminal.Gui.ViewBase;
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
/// shrink to the number of workers, whose states the table shows anyway. A message that does not fit
/// after them goes on, wrapped, on more lines (up to <see cref="MaxRows"/>; the panels below move down
/// while it shows): a message is what the user has to read now, and a header of fixed height would cut
/// it. A message longer still (a long path, a long error) ends with a note that the help (?) shows it whole.
/// </remarks>
internal sealed class HeaderView : CanvasView, Controllers.IStatusLine
{
    private static readonly ShownState[] Listed =
    [
        new(WorkerState.Running), new(WorkerState.Waiting), new(WorkerState.Paused), new(WorkerState.Paused, Queued: true), new(WorkerState.Starting),
    ];

    /// <summary>Most rows the header takes (a message wraps onto the rows after the first).</summary>
    public const int MaxRows = 3;

    /// <summary>Ends the last row of a message too long for <see cref="MaxRows"/>.</summary>
    internal const string CutNote = " … ? shows it whole";

    public HeaderView()
    {
        Height = Dim.Func(_ => RowsAt(SuperView?.Viewport.Width ?? Frame.Width));
        CanFocus = false;
    }

    /// <summary>Rows the header takes at <paramref name="width"/> columns: 1, or more for a long message.</summary>
    public int RowsAt(int width) => Math.Min(MaxRows, MessageLines(width).Count);

    /// <summary>Whether the message is longer than the header can show at <paramref name="width"/> columns.</summary>
    public bool MessageCutAt(int width) => MessageLines(width).Count > MaxRows;

    public IReadOnlyDictionary<ShownState, int> Counts { get; set; } = new Dictionary<ShownState, int>();

    public int Failed { get; set; }

    /// <summary>Between the parts of the line: "│", or "|" where only ASCII can be shown.</summary>
    public string Separator { get; init; } = "│";

    /// <summary>The scheduling mode, as <see cref="SchedulingModel.Describe"/> says it.</summary>
    public string Mode { get; set; } = "parallel";

    /// <summary>Join status: "joining 2 of 3…", "Done!", or null.</summary>
    public string? Join { get; set; }

    /// <summary>The session's name, after tuiproc's; null when the UI runs its own workers.</summary>
    public string? Session
    {
        get => _session;
        set
        {
            _session = value;
            SetNeedsDraw();
        }
    }

    private string? _session;

    /// <summary>Who else watches the session ("watched by bob (read-only)"), after its name; null: nobody.</summary>
    public string? Watchers
    {
        get => _watchers;
        set
        {
            _watchers = value;
            SetNeedsDraw();
        }
    }

    private string? _watchers;

    public string? Message { get; private set; }

    public bool MessageIsError { get; private set; }

    /// <summary>
    /// A message that something happened by itself (a run ended, a lab step was ticked, a pool finished
    /// well): it does not replace an error standing in the header, which stays until the answer to the
    /// user's next key. Otherwise a problem said at start (a broken theme file) was gone, replaced by
    /// "run ended", before anyone could read it when the first workers ended within milliseconds.
    /// </summary>
    public void Note(string message)
    {
        if (!(MessageIsError && Message is not null))
        {
            Say(message);
        }
    }

    /// <summary>Says <paramref name="message"/> (an answer to a key, or a problem), replacing what the header said.</summary>
    public void Say(string? message, bool error = false)
    {
        Message = message;
        MessageIsError = error;
        SetNeedsLayout(); // a longer or shorter message may take more or fewer rows
        SetNeedsDraw();
    }

    protected override void Render(CellCanvas canvas)
    {
        Attribute header = Roles.Attribute(Roles.Header, this);
        for (int y = 0; y < canvas.Height; y++)
        {
            canvas.Fill(0, y, canvas.Width, ' ', header);
        }

        if (canvas.Height != RowsAt(canvas.Width))
        {
            SetNeedsLayout(); // the counts or the mode changed the room left for the message
        }

        string status = Status(canvas.Width);
        int x = canvas.Write(0, 0, status, header);
        if (Message is null)
        {
            return;
        }

        Attribute attribute = MessageIsError ? Roles.Attribute(Roles.Failed, this) : header;
        List<string> lines = MessageLines(canvas.Width);
        x = canvas.Write(x, 0, Separator + " ", attribute);
        for (int row = 0; row < Math.Min(canvas.Height, lines.Count); row++)
        {
            string line = lines[row];
            if (row == canvas.Height - 1 && lines.Count > canvas.Height)
            {
                line = CutFor(line, canvas.Width - 1);
            }

            canvas.Write(row == 0 ? x : 1, row, line, attribute);
        }
    }

    /// <summary>The status part of the first row: name, counts (shortened to fit), mode, join.</summary>
    private string Status(int width)
    {
        string name = (Session is null ? " tuiproc " : $" tuiproc {Session} ") + (Watchers is null ? "" : $"{Separator} {Watchers} ");
        string mode = $" {Separator} mode: {Mode} ";
        string counts = FullCounts();
        if (name.Length + counts.Length + mode.Length > width)
        {
            counts = WorkersText(Counts.Values.Sum());
        }

        return name + counts + mode + (Join is null ? "" : Separator + " " + Join + " ");
    }

    /// <summary>
    /// The message's lines: the first after the status on row 0 (empty when not even its first word fits
    /// there), the others a column in from the left edge. One line, empty, when there is no message.
    /// </summary>
    private List<string> MessageLines(int width)
    {
        if (Message is null || width <= 0)
        {
            return [""];
        }

        int first = width - Status(width).GetColumns() - Separator.Length - 1;
        return TextWrap.Lines(Message, first, width - 1);
    }

    /// <summary>The last row shown of a message cut short: as much as fits before <see cref="CutNote"/>.</summary>
    private static string CutFor(string line, int width)
    {
        int room = Math.Max(0, width - CutNote.Length);
        string kept = line.GetColumns() <= room ? line : TextWrap.Lines(line, room)[0];
        return kept + CutNote;
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
