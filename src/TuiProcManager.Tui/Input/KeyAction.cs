namespace TuiProcManager.Tui.Input;

/// <summary>An action a user can press: its stable name in the keys file, its default keys, and what it does.</summary>
/// <param name="Action">The action.</param>
/// <param name="Name">Its name in <c>keys.json</c> and <c>tuiproc keys</c>: kebab-case, never changed once shipped (users' files name it).</param>
/// <param name="Defaults">Its default keys, in the keys file's syntax (<see cref="KeyNames.TryParse"/>), the first the one shown in the key bar.</param>
/// <param name="Description">What it does, in one line.</param>
/// <param name="Fixed">Its keys cannot be changed (Ctrl+C, the terminal's interrupt).</param>
internal sealed record KeyAction(UiAction Action, string Name, IReadOnlyList<string> Defaults, string Description, bool Fixed = false);
