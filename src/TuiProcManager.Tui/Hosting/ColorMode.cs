namespace TuiProcManager.Tui.Hosting;

/// <summary>How much colour the terminal gets.</summary>
internal enum ColorMode
{
    /// <summary>24-bit colour when COLORTERM says the terminal has it, else 16 colours; none under NO_COLOR.</summary>
    Auto,

    /// <summary>24-bit colour.</summary>
    TrueColor,

    /// <summary>The 16 basic colours: for terminals without true colour (Terminal.Gui 2.5.0 has no 256-colour output).</summary>
    Sixteen,

    /// <summary>No colour at all: the Tuiproc Mono theme.</summary>
    None,
}

/// <summary>Decides the colour mode from the environment.</summary>
internal static class ColorModes
{
    /// <summary>
    /// NO_COLOR (any non-empty value, no-color.org) wins over everything; then an explicit choice; then
    /// COLORTERM=truecolor|24bit means 24-bit; anything else gets 16 colours, because Terminal.Gui writes
    /// 24-bit codes even to 256-colour terminals and some (macOS Terminal) show those wrongly.
    /// </summary>
    public static ColorMode Resolve(ColorMode requested, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (!string.IsNullOrEmpty(environment("NO_COLOR")))
        {
            return ColorMode.None;
        }

        if (requested != ColorMode.Auto)
        {
            return requested;
        }

        return environment("COLORTERM") is "truecolor" or "24bit" ? ColorMode.TrueColor : ColorMode.Sixteen;
    }
}
