namespace TuiProcManager.Tui.Views.Pointer;

/// <summary>
/// The sizes of the main window's panels: the Processes panel's height and the middle row's (States and CPU)
/// as shares of the window's height, the States panel's width as a share of the main panels' width; the
/// Output panel's place takes the rest. Until a border is dragged they are the proportions the window always
/// had (35 %, 30 %, 62 %); a drag sets a share (<see cref="ResizeProcesses"/>, <see cref="ResizeMiddle"/>,
/// <see cref="ResizeStates"/>), so that a resized terminal keeps the proportions the user chose.
/// </summary>
/// <remarks>
/// Plain arithmetic, UI thread only. The default rows are computed as Terminal.Gui's Dim.Percent computes them
/// (a float product, truncated), so that a window nobody dragged in is laid out exactly as before. A drag
/// keeps each panel at its minimum or more, and the Output panel's place at <see cref="MinOutputRows"/>; the
/// sizes are kept for the run, not saved.
/// </remarks>
internal sealed class PanelSizes
{
    /// <summary>The Processes panel's fewest rows: its borders, the heading and its rule, one worker.</summary>
    public const int MinProcessesRows = 5;

    /// <summary>The middle row's fewest rows: its borders and one line (a lane, a CPU figure).</summary>
    public const int MinMiddleRows = 3;

    /// <summary>The fewest rows a drag leaves the Output panel's place: its borders and one line.</summary>
    public const int MinOutputRows = 3;

    /// <summary>The fewest columns a drag leaves the States panel and the CPU panel each.</summary>
    public const int MinColumns = 12;

    private double? _processes; // shares set by a drag; null: the proportions the window always had
    private double? _middle;
    private double? _states;

    /// <summary>The Processes panel's rows in a window <paramref name="height"/> rows high.</summary>
    public int ProcessesRows(int height) =>
        _processes is { } share ? Math.Max(MinProcessesRows, (int)Math.Round(height * share)) : (int)(height * (35 / 100f));

    /// <summary>The middle row's rows in a window <paramref name="height"/> rows high.</summary>
    public int MiddleRows(int height) =>
        _middle is { } share ? Math.Max(MinMiddleRows, (int)Math.Round(height * share)) : (int)(height * (30 / 100f));

    /// <summary>The States panel's columns when the main panels are <paramref name="width"/> columns wide (the CPU panel has the rest).</summary>
    public int StatesColumns(int width) =>
        _states is { } share ? Math.Clamp((int)Math.Round(width * share), Math.Min(MinColumns, width), Math.Max(1, width - MinColumns)) : Math.Max(1, width * 62 / 100);

    /// <summary>
    /// The Processes panel dragged to <paramref name="rows"/> rows (kept to its minimum, and to what leaves the
    /// middle row its rows and the Output panel's place <see cref="MinOutputRows"/>).
    /// </summary>
    /// <param name="rows">The rows asked for.</param>
    /// <param name="height">The window's rows.</param>
    /// <param name="room">The rows the three rows of panels share (the window's less the header and the key bar).</param>
    /// <returns>The rows the panel has now.</returns>
    public int ResizeProcesses(int rows, int height, int room)
    {
        int kept = Math.Clamp(rows, MinProcessesRows, Math.Max(MinProcessesRows, room - MiddleRows(height) - MinOutputRows));
        _processes = kept / (double)height;
        return kept;
    }

    /// <summary>The middle row dragged to <paramref name="rows"/> rows (kept to its minimum, and to what leaves the Output panel's place <see cref="MinOutputRows"/>).</summary>
    /// <param name="rows">The rows asked for.</param>
    /// <param name="height">The window's rows.</param>
    /// <param name="room">The rows the three rows of panels share.</param>
    /// <returns>The rows the middle row has now.</returns>
    public int ResizeMiddle(int rows, int height, int room)
    {
        int kept = Math.Clamp(rows, MinMiddleRows, Math.Max(MinMiddleRows, room - ProcessesRows(height) - MinOutputRows));
        _middle = kept / (double)height;
        return kept;
    }

    /// <summary>The States panel dragged to <paramref name="columns"/> columns of the main panels' <paramref name="width"/> (each of States and CPU keeps <see cref="MinColumns"/>).</summary>
    /// <returns>The columns the States panel has now.</returns>
    public int ResizeStates(int columns, int width)
    {
        int kept = Math.Clamp(columns, Math.Min(MinColumns, width), Math.Max(1, width - MinColumns));
        _states = kept / (double)width;
        return kept;
    }
}
