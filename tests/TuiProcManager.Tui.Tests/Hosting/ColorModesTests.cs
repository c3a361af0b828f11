using TuiProcManager.Tui.Hosting;

namespace TuiProcManager.Tui.Tests.Hosting;

public sealed class ColorModesTests
{
    private static Func<string, string?> Env(params (string Key, string Value)[] vars) =>
        name => vars.FirstOrDefault(v => v.Key == name).Value;

    [Theory]
    [InlineData("Auto", null, null, "Sixteen")] // xterm-256color and friends: Terminal.Gui has no 256-colour output
    [InlineData("Auto", "truecolor", null, "TrueColor")]
    [InlineData("Auto", "24bit", null, "TrueColor")]
    [InlineData("TrueColor", null, null, "TrueColor")]
    [InlineData("Sixteen", "truecolor", null, "Sixteen")]
    [InlineData("TrueColor", "truecolor", "1", "None")] // NO_COLOR wins over everything
    [InlineData("Auto", null, "", "Sixteen")] // an empty NO_COLOR does not count (no-color.org)
    public void Resolve(string requested, string? colorTerm, string? noColor, string expected)
    {
        List<(string, string)> vars = [];
        if (colorTerm is not null)
        {
            vars.Add(("COLORTERM", colorTerm));
        }

        if (noColor is not null)
        {
            vars.Add(("NO_COLOR", noColor));
        }

        Assert.Equal(Enum.Parse<ColorMode>(expected), ColorModes.Resolve(Enum.Parse<ColorMode>(requested), Env([.. vars])));
    }
}
