using Terminal.Gui.Drivers;
using TuiProcManager.Core.Os;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Hosting;

/// <summary>
/// The colours and theme a screen starts with (the main UI's and the class view's): the colour mode from
/// <c>--colors</c> and the terminal, the theme asked for, else the saved one, else the default, loaded into
/// Terminal.Gui's configuration before the application starts.
/// </summary>
internal static class ScreenTheme
{
    /// <summary>Loads and applies the theme; the colour mode, the catalog, and a problem with the user's settings (or null).</summary>
    /// <param name="files">Reads the settings and theme files.</param>
    /// <param name="shipped">tuiproc's themes.</param>
    /// <param name="asked">--theme, or null.</param>
    /// <param name="colorsText">--colors: auto, true, 16 or none.</param>
    /// <param name="remember">Save a theme asked for as the user's, as t does (the main UI).</param>
    public static (ColorMode Colors, ThemeCatalog Themes, string? SettingsProblem) Load(IRegularFileReader files, ShippedFolder shipped, string? asked, string colorsText, bool remember)
    {
        ColorMode colors = ColorModes.Resolve(Parse(colorsText), Environment.GetEnvironmentVariable);
        UserSettings settings = UserSettings.Load(files, out string? settingsProblem);
        string theme = colors == ColorMode.None
            ? ThemeCatalog.NoColorTheme
            : asked ?? settings.Theme ?? ThemeCatalog.DefaultTheme;
        ThemeCatalog themes = ThemeCatalog.Load(shipped, UserSettings.UserThemesDirectory, initialTheme: theme);
        Driver.Force16Colors = colors != ColorMode.TrueColor; // after the load: it replaces the driver's settings
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
            _ = (settings with { Theme = theme }).Save(); // --theme is remembered, like t (a failure to save is not worth stopping for)
        }

        return (colors, themes, settingsProblem);
    }

    private static ColorMode Parse(string colors) => colors switch
    {
        "true" or "24bit" or "truecolor" => ColorMode.TrueColor,
        "16" => ColorMode.Sixteen,
        "none" => ColorMode.None,
        _ => ColorMode.Auto,
    };
}
