using System.Text;
using System.Text.RegularExpressions;
using Terminal.Gui.Drawing;
using Terminal.Gui.Drivers;
using TuiProcManager.Tui.Colors;
using TuiProcManager.Tui.Hosting;
using TuiProcManager.Tui.Tests.TestSupport;
using Attribute = Terminal.Gui.Drawing.Attribute;

namespace TuiProcManager.Tui.Tests.Colors;

/// <summary>
/// The codes each colour mode writes for a frame. Pins: Terminal.Gui 2.5.0 wrote 24-bit codes to 256-colour
/// terminals, or its own nearest-16 (dark blue on black) when told to force 16 colours.
/// </summary>
[Collection(GlobalUiState.Name)]
public sealed partial class QuietAnsiOutputColorTests
{
    private static readonly Attribute Waiting = new(new Color(0x3b, 0x4c, 0xc0), new Color(0x1c, 0x1f, 0x26), TextStyle.Bold);
    private static readonly Attribute Plain = new(new Color(0xc8, 0xcc, 0xd4), new Color(0x1c, 0x1f, 0x26));

    [Fact]
    public void TrueColor_WritesTheColoursAsTheyAre()
    {
        string sent = Frame(ColorMode.TrueColor);

        Assert.Contains("38;2;59;76;192;48;2;28;31;38m", sent, StringComparison.Ordinal);
        Assert.DoesNotContain(";5;", sent, StringComparison.Ordinal);
    }

    [Fact]
    public void Palette256_WritesOnlyFixedIndexes()
    {
        string sent = Frame(ColorMode.Palette256);

        string[] indexes = [.. Indexed().Matches(sent).Select(m => m.Groups[1].Value)];
        Assert.NotEmpty(indexes);
        Assert.All(indexes, i => Assert.InRange(int.Parse(i, System.Globalization.CultureInfo.InvariantCulture), 16, 255));
        Assert.DoesNotContain(";2;", sent, StringComparison.Ordinal);
        Assert.Contains("48;5;234", sent, StringComparison.Ordinal); // the dark background, a grey
    }

    [Fact]
    public void Sixteen_WritesOnlyBasicCodes_AndTheDarkBlueBecomesReadable()
    {
        string sent = Frame(ColorMode.Sixteen);

        Assert.DoesNotContain("38;", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("48;", sent, StringComparison.Ordinal);
        Assert.All(Sgr().Matches(sent).SelectMany(m => m.Groups[1].Value.Split(';')), code =>
            Assert.True(code is "1" or "22" or "39" or "49" || int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) is (>= 30 and <= 37) or (>= 40 and <= 47) or (>= 90 and <= 97) or (>= 100 and <= 107), code));
        Assert.DoesNotContain("\u001b[34;40m", sent, StringComparison.Ordinal); // blue2 on black, 2.2:1
        Assert.Contains(";40m", sent, StringComparison.Ordinal);
    }

    [Fact]
    public void None_WritesNoColourAtAll_ButTheStyle()
    {
        string sent = Frame(ColorMode.None);

        Assert.DoesNotMatch("\u001b\\[[0-9;]*(3[0-9]|4[0-9]|9[0-7]|10[0-7])[;m]", sent);
        Assert.Contains("\u001b[1m", sent, StringComparison.Ordinal); // bold stays
    }

    [Fact]
    public void TheTerminalsOwnColours_AreResetCodes()
    {
        QuietAnsiOutput output = new(ColorMode.Sixteen) { Transcript = new StringBuilder() };
        OutputBufferImpl buffer = new();
        buffer.SetSize(20, 2);
        buffer.CurrentAttribute = new Attribute(Color.None, Color.None);
        buffer.Move(0, 0);
        buffer.AddStr("mono".PadRight(20));
        output.Write(buffer);

        Assert.Contains("\u001b[39;49m", output.Transcript.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sixteen_BoldThatATerminalWouldShowBrighter_IsLeftOut_AndComesBackAfter()
    {
        // Pins: Tuiproc Dark's selected row (bold white on #334155) became bold black on gray50, which xterm
        // (boldColors, on by default) shows as gray50 on gray50: the row's text was gone in the gallery's picture.
        QuietAnsiOutput output = new(ColorMode.Sixteen) { Transcript = new StringBuilder() };
        OutputBufferImpl buffer = new();
        buffer.SetSize(20, 3);
        buffer.CurrentAttribute = new Attribute(new Color(0xff, 0xff, 0xff), new Color(0x33, 0x41, 0x55), TextStyle.Bold);
        buffer.Move(0, 0);
        buffer.AddStr("selected".PadRight(20));
        buffer.CurrentAttribute = Waiting; // bold, readable brighter too: bold is sent again
        buffer.Move(0, 1);
        buffer.AddStr("waiting".PadRight(20));
        output.Write(buffer);
        string sent = output.Transcript.ToString();

        int selected = sent.IndexOf("selected", StringComparison.Ordinal), waiting = sent.IndexOf("waiting", StringComparison.Ordinal);
        string[] beforeSelected = [.. Sgr().Matches(sent[..selected]).SelectMany(m => m.Groups[1].Value.Split(';'))];
        Assert.Contains("30", beforeSelected); // black on gray50 (100)
        Assert.Contains("100", beforeSelected);
        Assert.DoesNotContain("1", beforeSelected);
        Assert.Contains("1", Sgr().Matches(sent[selected..waiting]).SelectMany(m => m.Groups[1].Value.Split(';')));
        Assert.True(Palette16Mapper.BoldUnreadable(0, 8));
        Assert.False(Palette16Mapper.BoldUnreadable(15, 0)); // bright colours do not change when bold
    }

    private static string Frame(ColorMode mode)
    {
        QuietAnsiOutput output = new(mode) { Transcript = new StringBuilder() };
        OutputBufferImpl buffer = new();
        buffer.SetSize(30, 3);
        buffer.CurrentAttribute = Plain;
        buffer.Move(0, 0);
        buffer.AddStr("worker 1".PadRight(30));
        buffer.CurrentAttribute = Waiting;
        buffer.Move(0, 1);
        buffer.AddStr("waiting".PadRight(30));
        output.Write(buffer);
        return output.Transcript.ToString();
    }

    [GeneratedRegex("[34]8;5;([0-9]+)")]
    private static partial Regex Indexed();

    [GeneratedRegex("\u001b\\[([0-9;]*)m")]
    private static partial Regex Sgr();
}
