using TuiProcManager.Core.Text;

namespace TuiProcManager.Core.Tests.Text;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("\u001b]0;pwned\u0007", "^[]0;pwned^G")] // window title
    [InlineData("\u001b]52;c;aGk=\u0007", "^[]52;c;aGk=^G")] // clipboard write (OSC 52)
    [InlineData("\u001b[2J\u001b[H", "^[[2J^[[H")] // clear screen, home
    [InlineData("a\rb", "a^Mb")]
    [InlineData("del\u007f", "del^?")]
    [InlineData("csi\u009b31m", "csi\\x9B31m")] // C1 CSI
    [InlineData("tab\tstays", "tab\tstays")]
    [InlineData("Würfel: 1000 ✓", "Würfel: 1000 ✓")]
    public void Sanitize_ControlsBecomeVisibleText(string input, string expected) =>
        Assert.Equal(expected, TerminalText.Sanitize(input));

    [Fact]
    public void Sanitize_PlainText_IsReturnedWithoutCopying()
    {
        string plain = "Square: 100";
        Assert.Same(plain, TerminalText.Sanitize(plain));
    }

    [Fact]
    public void Sanitize_EveryCharacter_LeavesNoControlBehind()
    {
        string all = new([.. Enumerable.Range(0, 0x200).Select(i => (char)i)]);
        string safe = TerminalText.Sanitize(all);
        Assert.DoesNotContain(safe, c => char.IsControl(c) && c != '\t');
    }
}
