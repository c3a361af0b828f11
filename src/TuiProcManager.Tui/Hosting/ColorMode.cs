namespace TuiProcManager.Tui.Hosting;

/// <summary>How much colour the terminal gets (decided by <see cref="Colors.ColorTierDetector"/>).</summary>
internal enum ColorMode
{
    /// <summary>Decided from the environment and the terminal.</summary>
    Auto,

    /// <summary>24-bit colour (38;2;r;g;b).</summary>
    TrueColor,

    /// <summary>The 16 basic colours (30–37, 90–97), in a readable pairing.</summary>
    Sixteen,

    /// <summary>No colour at all: the Tuiproc Mono theme.</summary>
    None,

    /// <summary>xterm's 256 colours (38;5;n), the fixed ones only (16–255).</summary>
    Palette256,
}
