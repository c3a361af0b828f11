using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using TuiProcManager.Core.Text;

namespace TuiProcManager.CommandLine;

/// <summary>Whole-number options with a range, whose errors name the option and the value.</summary>
internal static class IntegerOption
{
    public static Option<int> Create(string name, string helpName, string description, int max, int min = 0) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => min,
        CustomParser = result => Parse(result, name, min, max),
    };

    private static int Parse(ArgumentResult result, string name, int min, int max)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value >= min && value <= max)
        {
            return value;
        }

        result.AddError($"{name} must be a whole number from {min} to {max.ToString("N0", CultureInfo.InvariantCulture)}, got '{InputText.Shorten(text)}'");
        return min;
    }
}
