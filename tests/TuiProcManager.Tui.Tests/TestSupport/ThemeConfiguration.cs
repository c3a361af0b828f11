using Terminal.Gui.Configuration;

namespace TuiProcManager.Tui.Tests.TestSupport;

/// <summary>Terminal.Gui's configuration is process-wide: a test that loads themes puts it back as it found it.</summary>
internal static class ThemeConfiguration
{
    /// <summary>No runtime configuration, Terminal.Gui's default theme applied.</summary>
    public static void Reset()
    {
        TuiConfigurationBuilder.Shared.RuntimeConfig = null;
        TuiConfigurationBuilder.Shared.ApplyToStaticFacades();
        ThemeManager.Theme = ThemeManager.DEFAULT_THEME_NAME;
    }
}
