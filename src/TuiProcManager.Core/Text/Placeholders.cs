using System.Text.RegularExpressions;

namespace TuiProcManager.Core.Text;

/// <summary>Fills <c>{name}</c> placeholders in texts written by people (lab files, explain.json), with counts in agreement.</summary>
public static partial class Placeholders
{
    /// <summary>
    /// Replaces each <c>{name}</c> of <paramref name="text"/> by <paramref name="valueOf"/>'s value. A value
    /// of <c>1</c> followed by a count noun (<see cref="Plural.Singular"/>) makes the noun singular:
    /// <c>{cores} cores</c> reads <c>1 core</c>, <c>2 cores</c>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="valueOf">A placeholder's value; null when it has none.</param>
    /// <param name="missing">What a placeholder without a value becomes; null leaves it as written.</param>
    public static string Fill(string text, Func<string, string?> valueOf, string? missing = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(valueOf);
        return Placeholder().Replace(text, m =>
        {
            string? value = valueOf(m.Groups[1].Value);
            if (value is null)
            {
                return missing is null ? m.Value : missing + m.Groups[2].Value;
            }

            string following = m.Groups[2].Value;
            return value == "1" && m.Groups[3].Success && Plural.Singular(m.Groups[3].Value) is { } one
                ? value + " " + one
                : value + following;
        });
    }

    [GeneratedRegex(@"\{([a-z]+)\}( ([A-Za-z]+)\b)?")]
    private static partial Regex Placeholder();
}
