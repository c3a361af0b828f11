using TuiProcManager.Core.Text;

namespace TuiProcManager.Core.Tests.Text;

/// <summary>"1 lines" was in the Output panel's title: every count agrees with its noun.</summary>
public sealed class PluralTests
{
    [Theory]
    [InlineData(0, "0 lines")]
    [InlineData(1, "1 line")]
    [InlineData(2, "2 lines")]
    [InlineData(12_345, "12,345 lines")]
    public void Of_AgreesWithTheCount(long n, string expected) => Assert.Equal(expected, Plural.Of(n, "line"));

    [Fact]
    public void Of_IrregularPlural_IsUsedForOtherThanOne()
    {
        Assert.Equal("1 process", Plural.Of(1, "process", "processes"));
        Assert.Equal("3 processes", Plural.Of(3, "process", "processes"));
    }

    [Theory]
    [InlineData("{cores} cores, one per core", "1", "1 core, one per core")]
    [InlineData("{cores} cores, one per core", "2", "2 cores, one per core")]
    [InlineData("{cores} processes on {cores} cores", "1", "1 process on 1 core")]
    [InlineData("Start {cores} workers now", "1", "Start 1 worker now")]
    [InlineData("{cores} is the count", "1", "1 is the count")] // not a count noun: left alone
    [InlineData("{cores}", "1", "1")]
    public void Placeholders_Fill_ACountOfOneMakesTheNounSingular(string text, string cores, string expected) =>
        Assert.Equal(expected, Placeholders.Fill(text, name => name == "cores" ? cores : null));

    [Fact]
    public void Placeholders_Fill_Unknown_LeftAsWrittenOrMarked()
    {
        Assert.Equal("{other} workers", Placeholders.Fill("{other} workers", _ => null));
        Assert.Equal("? workers", Placeholders.Fill("{other} workers", _ => null, missing: "?"));
    }
}
