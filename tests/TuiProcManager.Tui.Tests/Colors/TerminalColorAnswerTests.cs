using System.Text;
using TuiProcManager.Tui.Colors;

namespace TuiProcManager.Tui.Tests.Colors;

/// <summary>Reading the terminal's answer to XTGETTCAP RGB + DA1, as real terminals send it (measured: xterm 379, tmux 3.3a).</summary>
public sealed class TerminalColorAnswerTests
{
    [Fact]
    public void Question_IsXtgettcapForRgb_ThenDa1() =>
        Assert.Equal("\u001bP+q524742\u001b\\\u001b[c", Encoding.ASCII.GetString(TerminalColorAnswer.Question));

    [Theory]
    [InlineData("\u001bP1+r524742=38\u001b\\\u001b[?64;1;2;6;9;15;16;17;18;21;22;28c", true)] // xterm with allowTcapOps
    [InlineData("\u001bP1+r524742\u001b\\\u001b[?62c", true)] // a boolean answer
    [InlineData("\u001bP1+r524742=382F382F38\u001b\\\u001b[?62c", true)] // a string answer, 8/8/8
    [InlineData("\u001b[?1;2c", false)] // tmux 3.3a: only DA1
    [InlineData("\u001b[?64;1;2;6;9;15;16;17;18;21;22;28c", false)] // xterm by default: only DA1
    [InlineData("\u001bP0+r524742\u001b\\\u001b[?62c", false)] // "not known"
    [InlineData("\u001bP1+r436F=323536\u001b\\\u001b[?62c", false)] // another capability's yes
    [InlineData("\u001bP1+r52474258=31\u001b\\\u001b[?62c", false)] // a longer name that starts like it
    public void Read_WhatTerminalsAnswer(string answer, bool rgb)
    {
        (bool saysRgb, bool complete, byte[] typed) = TerminalColorAnswer.Read(Encoding.ASCII.GetBytes(answer));

        Assert.Equal(rgb, saysRgb);
        Assert.True(complete);
        Assert.Empty(typed);
    }

    [Fact]
    public void Read_KeysTypedAroundTheAnswers_AreKeptInOrder()
    {
        (bool rgb, bool complete, byte[] typed) = TerminalColorAnswer.Read("a\u001b[Ab\u001bP1+r524742=38\u001b\\c\u001b[?1;2c\u001b[B"u8);

        Assert.True(rgb);
        Assert.True(complete);
        Assert.Equal("a\u001b[Abc\u001b[B", Encoding.ASCII.GetString(typed)); // an arrow key is not DA1
    }

    [Theory]
    [InlineData("")]
    [InlineData("\u001bP1+r5247")] // the timeout came mid-answer
    [InlineData("\u001bP1+r524742=38\u001b\\\u001b[?64;1")]
    public void Read_CutShort_IsNotComplete(string read)
    {
        Assert.False(TerminalColorAnswer.IsComplete(Encoding.ASCII.GetBytes(read)));
    }
}
