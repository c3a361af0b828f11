using System.Text;
using TuiProcManager.Tui.Hosting;

namespace TuiProcManager.Tui.Tests.Hosting;

/// <summary>The clipboard sequence: the text's UTF-8 in base64 between <c>ESC ] 52 ; c ;</c> and BEL, and nothing over the cap.</summary>
public sealed class Osc52Tests
{
    [Fact]
    public void Encode_IsTheSequenceXtermDocuments_WithTheTextsUtf8InBase64()
    {
        Assert.Equal("\u001b]52;c;aGkK4pyTIMOp\u0007", Osc52.Encode("hi\n✓ é"));
        Assert.Equal("\u001b]52;c;\u0007", Osc52.Encode(""));
    }

    [Fact]
    public void Encode_AtTheCap_IsSent_OneByteOver_IsNot()
    {
        string atCap = new('x', Osc52.MaxBytes);
        string? sequence = Osc52.Encode(atCap);

        Assert.NotNull(sequence);
        Assert.Equal(atCap, Encoding.UTF8.GetString(Convert.FromBase64String(sequence["\u001b]52;c;".Length..^1])));
        Assert.Null(Osc52.Encode(atCap + "x"));
        Assert.Null(Osc52.Encode(new string('é', (Osc52.MaxBytes / 2) + 1))); // bytes, not characters, are counted
    }
}
