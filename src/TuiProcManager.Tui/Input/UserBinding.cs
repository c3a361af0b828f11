namespace TuiProcManager.Tui.Input;

/// <summary>One entry of the keys file, as written: an action's name and the keys given to it (none: the action has no key).</summary>
/// <param name="Name">The action's name as written.</param>
/// <param name="Keys">The keys as written, in order.</param>
internal sealed record UserBinding(string Name, IReadOnlyList<string> Keys);
