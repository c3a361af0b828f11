using TuiProcManager.Core.Os;

namespace TuiProcManager.Tui.Hosting;

/// <summary>How to start the class view (<see cref="ClassHost"/>).</summary>
public sealed record ClassOptions
{
    /// <summary>Reads the settings and theme files.</summary>
    public required IRegularFileReader Files { get; init; }

    /// <summary>tuiproc's themes.</summary>
    public required ShippedFolder Themes { get; init; }

    /// <summary>The theme asked for, or null for the saved one.</summary>
    public string? Theme { get; init; }

    /// <summary>auto, true, 16 or none.</summary>
    public string Colors { get; init; } = "auto";

    /// <summary>The clock the rows' ages are counted on.</summary>
    public required TimeProvider Time { get; init; }

    /// <summary>The OS's wait for the terminal's input (as <see cref="TuiOptions.TerminalInput"/>).</summary>
    public Func<ITerminalInputWait>? TerminalInput { get; init; }

    /// <summary>What is shown, for the header: "here", "on lab1, lab2".</summary>
    public string Scope { get; init; } = "here";

    /// <summary>How often the rows are asked for.</summary>
    public TimeSpan Every { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary><c>--no-mouse</c>: the terminal keeps the mouse (as <see cref="TuiOptions.NoMouse"/>).</summary>
    public bool NoMouse { get; init; }

    /// <summary>
    /// Asks the terminal whether it has 24-bit colour when TERM and COLORTERM do not say so (colour mode
    /// auto), before the UI starts. The app gives the Linux one. Null: the terminal is not asked.
    /// </summary>
    public ITerminalQuery? TerminalQuery { get; init; }
}
