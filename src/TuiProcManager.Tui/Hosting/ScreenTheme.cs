using Terminal.Gui.Drivers;
using TuiProcManager.Core.Os;
using TuiProcManager.Tui.Colors;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Hosting;

/// <summary>
/// The colours and theme a screen starts with (the main UI's and the class view's): the colour mode from
/// <c>--colors</c> and the terminal (<see cref="ColorTierDetector"/>), the theme asked for, else the saved one, else the default, loaded into
/// Terminal.Gui's configuration before the application starts.
/// </summary>
internal static class ScreenTheme
{
    /// <summary>
    /// Loads and applies the theme; the colour mode, the catalog, the user's settings (as saved; empty ones
    /// when they cannot be used), a problem with them (or null), and the keys typed while the terminal was
    /// asked about its colours (for the UI's input).
    /// </summary>
    /// <param name="files">Reads the settings and theme files.</param>
    /// <param name="shipped">tuiproc's themes.</param>
    /// <param name="asked">--theme, or null.</param>
    /// <param name="colorsText">--colors: auto, true, 256, 16 or none.</param>
    /// <param name="remember">Save a theme asked for as the user's, as t does (the main UI).</param>
    /// <param name="query">Asks the terminal whether it has 24-bit colour, or null not to ask.</param>
    public static (ColorMode Colors, ThemeCatalog Themes, UserSettings Settings, string? SettingsProblem, byte[] TypedEarly) Load(IRegularFileReader files, ShippedFolder shipped, string? asked, string colorsText, bool remember, ITerminalQuery? query)
    {
        ArgumentNullException.ThrowIfNull(files);
        TerminfoLocator terminfo = new(files, Environment.GetEnvironmentVariable);
        ColorMode colors = ColorTierDetector.Decide(Parse(colorsText), Environment.GetEnvironmentVariable, terminfo.Find, query, out byte[] typed);
        UserSettings settings = UserSettings.Load(files, out string? settingsProblem);
        string theme = colors == ColorMode.None
            ? ThemeCatalog.NoColorTheme
            : asked ?? settings.Theme ?? ThemeCatalog.DefaultTheme;
        ThemeCatalog themes = ThemeCatalog.Load(shipped, UserSettings.UserThemesDirectory, initialTheme: theme);
        // The quiet output writes each mode's codes itself and ignores this; only Terminal.Gui's stock driver
        // (used when no terminal input wait is given) reads it, and so gets its own 16 colours for every mode
        // below 24-bit. After the load: it replaces the driver's settings.
        Driver.Force16Colors = colors != ColorMode.TrueColor;
        if (!themes.Apply(theme))
        {
            themes.Apply(ThemeCatalog.DefaultTheme);
            if (settings.Theme is { } saved && theme == saved)
            {
                settingsProblem = UserSettings.UnknownTheme(saved);
            }
        }
        else if (remember && asked is not null && colors != ColorMode.None)
        {
            settings = settings with { Theme = theme };
            _ = settings.Save(); // --theme is remembered, like t (a failure to save is not worth stopping for)
        }

        return (colors, themes, settings, settingsProblem, typed);
    }

    private static ColorMode Parse(string colors) => colors switch
    {
        "true" or "24bit" or "truecolor" => ColorMode.TrueColor,
        "256" => ColorMode.Palette256,
        "16" => ColorMode.Sixteen,
        "none" => ColorMode.None,
        _ => ColorMode.Auto,
    };
}
