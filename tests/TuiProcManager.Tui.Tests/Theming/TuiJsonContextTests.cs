using System.Text.Json;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Tests.Theming;

/// <summary>The settings file goes through the source-generated context and back (the NativeAOT build has no reflection to fall back on).</summary>
public sealed class TuiJsonContextTests
{
    [Theory]
    [InlineData("Tuiproc Light")]
    [InlineData(null)]
    public void Settings_RoundTrip(string? theme)
    {
        UserSettings settings = new(theme);

        string json = JsonSerializer.Serialize(settings, TuiJsonContext.Default.UserSettings);

        Assert.Equal(settings, JsonSerializer.Deserialize(json, TuiJsonContext.Default.UserSettings));
    }

    [Fact]
    public void Settings_AreReadAsPeopleWriteThem_CommentsTrailingCommasAnyCase()
    {
        UserSettings? read = JsonSerializer.Deserialize("{ // mine\n \"THEME\": \"Dark\", }", TuiJsonContext.Default.UserSettings);

        Assert.Equal(new UserSettings("Dark"), read);
    }
}
