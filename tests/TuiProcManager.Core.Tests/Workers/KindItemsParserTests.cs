using System.Collections.Immutable;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Workers;

/// <summary>
/// The one <c>KIND:ITEMS</c> grammar, read as a worker spec (ITEMS is one N) and as a map spec (a list of
/// numbers and ranges): the same text means the same thing, and every mistake has one exact message.
/// </summary>
public sealed class KindItemsParserTests
{
    [Theory]
    [InlineData("square:1,2,3", WorkerKind.Square, new[] { "1", "2", "3" })]
    [InlineData("cube:1..3", WorkerKind.Cube, new[] { "1", "2", "3" })]
    [InlineData("square:1..3,10", WorkerKind.Square, new[] { "1", "2", "3", "10" })]
    [InlineData("square:-2..1", WorkerKind.Square, new[] { "-2", "-1", "0", "1" })]
    [InlineData("square:4..4", WorkerKind.Square, new[] { "4" })]
    [InlineData(" Cube : 007 , +5 .. 6 ,-0 ", WorkerKind.Cube, new[] { "7", "5", "6", "0" })]
    [InlineData("square:3,3", WorkerKind.Square, new[] { "3", "3" })]
    public void TryParseMany_ListsAndRanges_GiveEveryInputInOrder(string text, WorkerKind kind, string[] inputs)
    {
        Assert.True(KindItemsParser.TryParseMany(text, 100, out WorkerKind parsedKind, out ImmutableArray<string> parsed, out string? error), error);
        Assert.Equal(kind, parsedKind);
        Assert.Equal(inputs, parsed);
    }

    [Theory]
    [InlineData("square:7", WorkerKind.Square, "7")]
    [InlineData("CUBE: -007 ", WorkerKind.Cube, "-7")]
    [InlineData("square:+0", WorkerKind.Square, "0")]
    public void SingleN_IsOneInputOfAMap_AndTheNumberOfAWorkerSpec(string text, WorkerKind kind, string number)
    {
        Assert.True(KindItemsParser.TryParseMany(text, 1, out WorkerKind mapKind, out ImmutableArray<string> inputs, out string? error), error);
        Assert.True(KindItemsParser.TryParseOne(text, out WorkerKind oneKind, out string? one, out error), error);

        Assert.Equal(kind, mapKind);
        Assert.Equal(kind, oneKind);
        Assert.Equal(number, Assert.Single(inputs));
        Assert.Equal(number, one);
    }

    /// <summary>Mistakes in KIND or in the ':' are worded the same whichever spec was expected.</summary>
    [Theory]
    [InlineData("square", "invalid worker spec 'square': expected KIND:N, e.g. square:10 or cube:10")]
    [InlineData("", "invalid worker spec '': expected KIND:N, e.g. square:10 or cube:10")]
    [InlineData(" :5", "invalid worker spec ' :5': missing kind before ':' (square or cube)")]
    [InlineData(" Hexagon :3", "unknown worker kind 'hexagon' in ' Hexagon :3' (expected square or cube)")]
    public void BothSpecs_ShareTheMessage(string text, string expected)
    {
        Assert.False(KindItemsParser.TryParseOne(text, out _, out _, out string? one));
        Assert.False(KindItemsParser.TryParseMany(text, 100, out _, out _, out string? many));

        Assert.Equal(expected, one);
        Assert.Equal(expected, many);
    }

    [Theory]
    [InlineData("square:", "invalid worker spec 'square:': missing N after ':' (an integer, e.g. 10)")]
    [InlineData("square:1,2", "invalid worker spec 'square:1,2': N must be an integer, got '1,2'")] // one N: a list is not a number
    [InlineData("square:1..3", "invalid worker spec 'square:1..3': N must be an integer, got '1..3'")]
    [InlineData("cube:-", "invalid worker spec 'cube:-': N must be an integer, got '-'")]
    public void TryParseOne_Invalid_ExactMessage(string text, string expected)
    {
        Assert.False(KindItemsParser.TryParseOne(text, out _, out _, out string? error));
        Assert.Equal(expected, error);
    }

    [Theory]
    [InlineData("square: ", "invalid worker spec 'square: ': missing N after ':' (an integer, a list such as 2,3,5, or a range such as 1..20)")]
    [InlineData("square:1,,2", "invalid worker spec 'square:1,,2': empty item in the list")]
    [InlineData("square:1, ", "invalid worker spec 'square:1, ': empty item in the list")]
    [InlineData("square:2;3", "invalid worker spec 'square:2;3': N must be an integer, got '2;3'")]
    [InlineData("square:1..", "invalid worker spec 'square:1..': range '1..' needs both ends, e.g. 1..20")]
    [InlineData("square:..5", "invalid worker spec 'square:..5': range '..5' needs both ends, e.g. 1..20")]
    [InlineData("square:1...5", "invalid worker spec 'square:1...5': range '1...5' must have integer ends (at most 30 digits), e.g. 1..20")]
    [InlineData("square:5..1", "invalid worker spec 'square:5..1': range '5..1' is reversed (5 > 1): write 1..5")]
    [InlineData("square:-1..-5", "invalid worker spec 'square:-1..-5': range '-1..-5' is reversed (-1 > -5): write -5..-1")]
    [InlineData("square:1..1001", "invalid worker spec 'square:1..1001': range '1..1001' has 1,001 inputs; at most 1,000 are accepted")]
    [InlineData("square:1..1000,7", "invalid worker spec 'square:1..1000,7': more than 1,000 inputs")]
    public void TryParseMany_Invalid_ExactMessage(string text, string expected)
    {
        Assert.False(KindItemsParser.TryParseMany(text, 1_000, out _, out _, out string? error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void TooManyDigits_IsTheSameMessageInBothSpecs()
    {
        string n = new('9', KindItemsParser.MaxDigits + 1);
        string expected = $"invalid worker spec 'square:{new string('9', 30)}...': N has 120001 digits; at most 120000 are accepted";

        Assert.False(KindItemsParser.TryParseOne("square:" + n, out _, out _, out string? one));
        Assert.False(KindItemsParser.TryParseMany("square:" + n, 1, out _, out _, out string? many));

        Assert.Equal(expected, one);
        Assert.Equal(expected, many);
        Assert.True(KindItemsParser.TryParseMany("square:" + n[1..], 1, out _, out _, out _));
    }

    /// <summary>The message says "at most 30 digits"; a 31-digit end without a sign used to be taken.</summary>
    [Theory]
    [InlineData("123456789012345678901234567890", true)]
    [InlineData("-123456789012345678901234567890", true)]
    [InlineData("+000000000000000000000000000001", true)]
    [InlineData("1234567890123456789012345678901", false)]
    [InlineData("-1234567890123456789012345678901", false)]
    [InlineData("0000000000000000000000000000001", false)]
    public void RangeEnds_HaveAtMostThirtyDigits_SignAside(string end, bool accepted)
    {
        bool parsed = KindItemsParser.TryParseMany($"square:{end}..{end}", 1, out _, out ImmutableArray<string> inputs, out string? error);

        Assert.Equal(accepted, parsed);
        if (accepted)
        {
            Assert.Single(inputs);
        }
        else
        {
            Assert.EndsWith("must have integer ends (at most 30 digits), e.g. 1..20", error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("", "missing N after ':' (an integer, a list such as 2,3,5, or a range such as 1..20)")]
    [InlineData("2,,3", "empty item in the list")]
    [InlineData("a': b", "N must be an integer, got 'a': b'")] // no spec around it to mistake for the quote's end
    [InlineData("3..1", "range '3..1' is reversed (3 > 1): write 1..3")]
    public void TryParseItems_Invalid_NamesTheProblemWithoutASpec(string items, string expected)
    {
        Assert.False(KindItemsParser.TryParseItems(items, 100, out _, out string? problem));
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void TryParseItems_Valid_GivesTheSameInputsAsTheSpec()
    {
        Assert.True(KindItemsParser.TryParseItems(" 1..3, 10 ", 100, out ImmutableArray<string> inputs, out string? problem), problem);
        Assert.Equal(["1", "2", "3", "10"], inputs.AsEnumerable());
    }

    [Theory]
    [InlineData("square", true, WorkerKind.Square)]
    [InlineData(" CUBE ", true, WorkerKind.Cube)]
    [InlineData("squares", false, default(WorkerKind))]
    [InlineData("", false, default(WorkerKind))]
    [InlineData("cube:", false, default(WorkerKind))]
    public void TryParseKind_SquareOrCube_InAnyCase(string text, bool valid, WorkerKind kind)
    {
        Assert.Equal(valid, KindItemsParser.TryParseKind(text, out WorkerKind parsed));
        Assert.Equal(kind, parsed);
    }
}
