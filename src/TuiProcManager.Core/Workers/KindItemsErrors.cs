using System.Globalization;
using System.Numerics;
using TuiProcManager.Core.Text;

namespace TuiProcManager.Core.Workers;

/// <summary>
/// Every message of the <c>KIND:ITEMS</c> grammar (<see cref="KindItemsParser"/>), worded in one place so
/// that a worker spec, a map spec and a form field say the same thing about the same mistake.
/// </summary>
/// <remarks>
/// Each message is one line. Whatever was typed is quoted through <see cref="InputText.Shorten(string)"/>:
/// a 10 MB argument or a control character never reaches the terminal as it is.
/// </remarks>
internal static class KindItemsErrors
{
    /// <summary><paramref name="problem"/>, prefixed with the whole spec it was found in.</summary>
    public static string InSpec(string spec, string problem) => $"invalid worker spec '{InputText.Shorten(spec)}': {problem}";

    /// <summary>No ':' at all.</summary>
    public static string NoColon(string spec) => InSpec(spec, "expected KIND:N, e.g. square:10 or cube:10");

    /// <summary>Nothing but blanks before the ':'.</summary>
    public static string MissingKind(string spec) => InSpec(spec, "missing kind before ':' (square or cube)");

    /// <summary>A kind that is neither square nor cube.</summary>
    public static string UnknownKind(string kind, string spec) =>
        $"unknown worker kind '{InputText.Shorten(kind)}' in '{InputText.Shorten(spec)}' (expected square or cube)";

    /// <summary>Nothing after the ':' where one N is expected.</summary>
    public const string MissingNumber = "missing N after ':' (an integer, e.g. 10)";

    /// <summary>Nothing after the ':' where ITEMS (numbers and ranges) are expected.</summary>
    public const string MissingItems = "missing N after ':' (an integer, a list such as 2,3,5, or a range such as 1..20)";

    /// <summary>Two commas in a row, or one at either end.</summary>
    public const string EmptyItem = "empty item in the list";

    /// <summary>Something that is not an optional sign followed by ASCII digits.</summary>
    public static string NotAnInteger(string text) => $"N must be an integer, got '{InputText.Shorten(text)}'";

    /// <summary>An integer longer than <see cref="KindItemsParser.MaxDigits"/>.</summary>
    public static string TooManyDigits(int digits) =>
        $"N has {digits} digits; at most {KindItemsParser.MaxDigits} are accepted";

    /// <summary>The list as a whole names more than <paramref name="maxInputs"/> inputs.</summary>
    public static string TooManyInputs(int maxInputs) => $"more than {Count(maxInputs)} inputs";

    /// <summary>A range with nothing on one side of its "..".</summary>
    public static string RangeWithoutEnd(string item) => $"range '{InputText.Shorten(item)}' needs both ends, e.g. 1..20";

    /// <summary>A range whose ends are not integers, or longer than <see cref="KindItemsParser.MaxRangeEndDigits"/>.</summary>
    public static string RangeEndsNotIntegers(string item) =>
        $"range '{InputText.Shorten(item)}' must have integer ends (at most {KindItemsParser.MaxRangeEndDigits} digits), e.g. 1..20";

    /// <summary>A range that goes down.</summary>
    public static string RangeReversed(string item, BigInteger from, BigInteger to) =>
        $"range '{InputText.Shorten(item)}' is reversed ({Integer(from)} > {Integer(to)}): write {Integer(to)}..{Integer(from)}";

    /// <summary>A range that alone would pass <paramref name="maxInputs"/>.</summary>
    public static string RangeTooLarge(string item, BigInteger count, int maxInputs) =>
        $"range '{InputText.Shorten(item)}' has {count.ToString("N0", CultureInfo.InvariantCulture)} inputs; at most {Count(maxInputs)} are accepted";

    private static string Integer(BigInteger n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
