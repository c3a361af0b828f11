using Terminal.Gui.Input;

namespace TuiProcManager.Tui.Input;

/// <summary>
/// Which key does what: every action's keys, from the defaults (<see cref="KeyActions"/>) and the user's
/// keys file. Immutable; built once before the UI starts and read on the UI thread.
/// </summary>
/// <remarks>
/// The rules, applied in the file's order, each broken one said in a line and the rest applied:
/// <list type="bullet">
/// <item>An action the user binds loses its default keys: it has exactly the user's (an empty list: no key).</item>
/// <item>A key the user gives that is another action's default is taken from that action, which keeps its
/// other keys; said unless the user binds that action too (then the loss is what they wrote).</item>
/// <item>A key the user gives to two actions stays with the first; the second is said and not given it.</item>
/// <item>A reserved key (<see cref="KeyNames.WhyReserved"/>), unless it is the action's own default (the
/// replay's arrows: a starter file written by <c>tuiproc keys --defaults</c> reads back as it is), a key that does not parse, an unknown action,
/// an action given twice and the fixed <c>interrupt</c> are said and skipped; an action none of whose
/// given keys can be used keeps its defaults.</item>
/// </list>
/// </remarks>
internal sealed class KeyTable
{
    private readonly Dictionary<UiAction, IReadOnlyList<string>> _keys;
    private readonly Dictionary<string, UiAction> _actions = new(StringComparer.Ordinal);
    private readonly HashSet<UiAction> _changed;

    private KeyTable(Dictionary<UiAction, IReadOnlyList<string>> keys, HashSet<UiAction> changed)
    {
        _keys = keys;
        _changed = changed;
        foreach ((UiAction action, IReadOnlyList<string> names) in keys)
        {
            foreach (string name in names)
            {
                _actions.Add(name, action); // one action per key: the rules above keep it so
            }
        }
    }

    /// <summary>The default keys.</summary>
    public static KeyTable Defaults { get; } = Build([], []);

    /// <summary>The action <paramref name="key"/> asks for, or <see cref="UiAction.None"/>.</summary>
    public UiAction Map(Key key) => _actions.GetValueOrDefault(KeyNames.NameOf(key), UiAction.None);

    /// <summary>The names of <paramref name="action"/>'s keys (<see cref="KeyNames.NameOf"/>), the first the one the key bar shows; empty when it has none.</summary>
    public IReadOnlyList<string> KeysOf(UiAction action) => _keys.GetValueOrDefault(action, []);

    /// <summary>Whether the keys file changed <paramref name="action"/>'s keys from the defaults.</summary>
    public bool IsChanged(UiAction action) => _changed.Contains(action);

    /// <summary>The defaults with the user's <paramref name="bindings"/> applied by the rules above.</summary>
    /// <param name="bindings">The keys file's entries, in its order.</param>
    /// <param name="problems">Gets one line per rule broken, without the file's name.</param>
    public static KeyTable Build(IReadOnlyList<UserBinding> bindings, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(bindings);
        ArgumentNullException.ThrowIfNull(problems);
        Dictionary<UiAction, IReadOnlyList<string>> keys = KeyActions.All.ToDictionary(a => a.Action, a => (IReadOnlyList<string>)[.. a.Defaults.Select(DefaultName)]);
        Dictionary<UiAction, List<string>> user = [];
        Dictionary<string, UiAction> givenTo = new(StringComparer.Ordinal);
        foreach (UserBinding binding in bindings)
        {
            if (Usable(binding, user, problems) is not { } action)
            {
                continue;
            }

            List<string> names = [];
            foreach (string text in binding.Keys)
            {
                if (UsableKey(action, text, givenTo, problems) is { } name && !names.Contains(name))
                {
                    names.Add(name);
                    givenTo[name] = action.Action;
                }
            }

            if (binding.Keys.Count > 0 && names.Count == 0)
            {
                problems.Add($"\"{action.Name}\": none of its keys can be used; it keeps {Listed(keys[action.Action])}");
                continue;
            }

            user[action.Action] = names;
        }

        foreach ((UiAction action, List<string> names) in user)
        {
            keys[action] = names;
        }

        foreach (KeyAction other in KeyActions.All.Where(a => !user.ContainsKey(a.Action)))
        {
            List<string> kept = [.. keys[other.Action].Where(k => !givenTo.ContainsKey(k))];
            foreach (string lost in keys[other.Action].Where(givenTo.ContainsKey))
            {
                problems.Add($"\"{lost}\" was {other.Name}'s key and is now {KeyActions.Of(givenTo[lost]).Name}'s: {other.Name} {(kept.Count == 0 ? "has no key now" : "keeps " + Listed(kept))} (bind {other.Name} too to say which)");
            }

            keys[other.Action] = kept;
        }

        return new KeyTable(keys, [.. user.Keys.Where(a => !keys[a].SequenceEqual(KeyActions.Of(a).Defaults.Select(DefaultName)))]);
    }

    /// <summary>The action <paramref name="binding"/> names, or null (said why) when it cannot be bound.</summary>
    private static KeyAction? Usable(UserBinding binding, Dictionary<UiAction, List<string>> bound, List<string> problems)
    {
        if (KeyActions.Named(binding.Name) is not { } action)
        {
            problems.Add($"no action is named \"{binding.Name}\" (tuiproc keys lists them)");
            return null;
        }

        if (action.Fixed)
        {
            problems.Add($"\"{action.Name}\" cannot be given other keys: {KeyNames.WhyReserved(action.Defaults[0]) ?? "it is fixed"}");
            return null;
        }

        if (bound.ContainsKey(action.Action))
        {
            problems.Add($"\"{action.Name}\" is given twice: the first is used");
            return null;
        }

        return action;
    }

    /// <summary>The name of the key <paramref name="text"/> when it can be given to <paramref name="action"/>, or null (said why).</summary>
    private static string? UsableKey(KeyAction action, string text, Dictionary<string, UiAction> givenTo, List<string> problems)
    {
        if (!KeyNames.TryParse(text, out string name, out string? problem))
        {
            problems.Add($"\"{action.Name}\": \"{text}\" {problem}");
            return null;
        }

        if (KeyNames.WhyReserved(name) is { } why && !action.Defaults.Any(d => KeyNames.TryParse(d, out string own, out _) && own == name))
        {
            problems.Add($"\"{action.Name}\": {name} cannot be given to an action: {why}");
            return null;
        }

        if (givenTo.TryGetValue(name, out UiAction first) && first != action.Action)
        {
            problems.Add($"\"{action.Name}\": {name} is given to {KeyActions.Of(first).Name} too; {KeyActions.Of(first).Name}, first in the file, keeps it");
            return null;
        }

        return name;
    }

    private static string DefaultName(string text) =>
        KeyNames.TryParse(text, out string name, out _) ? name : throw new InvalidOperationException($"default key {text} does not parse");

    private static string Listed(IReadOnlyList<string> names) => names.Count == 0 ? "no key" : string.Join(", ", names);
}
