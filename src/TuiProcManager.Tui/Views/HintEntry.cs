using System.Text.RegularExpressions;
using TuiProcManager.Tui.Input;

namespace TuiProcManager.Tui.Views;

/// <summary>One entry of the key bar: one or more actions' keys, joined by '/', and a word for them (<c>j/J join</c>).</summary>
/// <param name="Actions">The actions whose first keys are shown, in order.</param>
/// <param name="Label">What they do, in a word or two; empty for none.</param>
internal sealed partial record HintEntry(IReadOnlyList<UiAction> Actions, string Label)
{
    /// <summary>
    /// Reads a form of the key bar written with action names in braces, each group followed by its label:
    /// <c>{join}/{join-all} join {help} help</c>.
    /// </summary>
    /// <exception cref="ArgumentException">A name that is no action's (a mistake in the code, found by the tests).</exception>
    public static IReadOnlyList<HintEntry> Parse(string form)
    {
        ArgumentNullException.ThrowIfNull(form);
        return [.. EntryPattern().Matches(form).Select(m => new HintEntry(
            [.. m.Groups["keys"].Value.Split('/').Select(n => KeyActions.Named(n.Trim('{', '}'))?.Action ?? throw new ArgumentException($"no action {n} in the key bar's form {form}", nameof(form)))],
            m.Groups["label"].Value.Trim()))];
    }

    [GeneratedRegex(@"(?<keys>\{[a-z-]+\}(?:/\{[a-z-]+\})*)(?<label>[^{]*)")]
    private static partial Regex EntryPattern();
}
