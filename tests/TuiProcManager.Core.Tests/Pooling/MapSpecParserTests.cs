using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Pooling;

/// <summary>A map spec is the <c>KIND:ITEMS</c> grammar (see KindItemsParserTests) made into a <see cref="MapSpec"/>.</summary>
public sealed class MapSpecParserTests
{
    [Fact]
    public void TryParse_Valid_GivesTheKindAndEveryInput()
    {
        Assert.True(MapSpecParser.TryParse("cube:1..3,10", MapSpecParser.MaxInputs, out MapSpec? spec, out string? error), error);
        Assert.Equal(new MapSpec(WorkerKind.Cube, ["1", "2", "3", "10"]), spec);
    }

    [Fact]
    public void TryParse_Invalid_QuotesTheSpec()
    {
        Assert.False(MapSpecParser.TryParse("cube:1,,2", MapSpecParser.MaxInputs, out MapSpec? spec, out string? error));
        Assert.Null(spec);
        Assert.Equal("invalid worker spec 'cube:1,,2': empty item in the list", error);
    }

    [Fact]
    public void TryParseItems_KindGivenApart_GivesTheSameMapAsTheSpec()
    {
        Assert.True(MapSpecParser.TryParseItems(WorkerKind.Square, "1..3,10", MapSpecParser.MaxInputs, out MapSpec? spec, out string? problem), problem);
        Assert.True(MapSpecParser.TryParse("square:1..3,10", MapSpecParser.MaxInputs, out MapSpec? fromSpec, out _));
        Assert.Equal(fromSpec, spec);
    }

    [Fact]
    public void TryParseItems_Invalid_NamesTheProblemAlone()
    {
        Assert.False(MapSpecParser.TryParseItems(WorkerKind.Square, "1..", MapSpecParser.MaxInputs, out MapSpec? spec, out string? problem));
        Assert.Null(spec);
        Assert.Equal("range '1..' needs both ends, e.g. 1..20", problem);
    }
}
