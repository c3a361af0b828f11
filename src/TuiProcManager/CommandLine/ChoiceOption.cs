using System.CommandLine;
using System.CommandLine.Parsing;
using TuiProcManager.Core.Text;

namespace TuiProcManager.CommandLine;

/// <summary>
/// Options that take one word from a fixed set, whose error names the option, the choices and what was
/// typed on one line (System.CommandLine's own message for <c>AcceptOnlyFromAmong</c> has tabs in it and
/// does not name the option).
/// </summary>
internal static class ChoiceOption
{
    public static Option<string> Create(string name, string helpName, string description, params string[] choices) => new(name)
    {
        Description = description,
        HelpName = helpName,
        DefaultValueFactory = _ => choices[0],
        CustomParser = result => Parse(result, name, choices),
    };

    private static string Parse(ArgumentResult result, string name, string[] choices)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (Array.IndexOf(choices, text) >= 0)
        {
            return text;
        }

        result.AddError($"{name} must be {string.Join(", ", choices[..^1])} or {choices[^1]}, got '{InputText.Shorten(text)}'");
        return choices[0];
    }
}
