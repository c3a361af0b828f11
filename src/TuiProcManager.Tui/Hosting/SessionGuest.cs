namespace TuiProcManager.Tui.Hosting;

/// <summary>
/// The UI is attached to another user's session, shared with this one (<c>tuiproc attach alice/1</c>): q,
/// Ctrl+C and signals leave it as it is (never stop its workers), and a read-only guest's keys that would
/// act are refused with <see cref="Refusal"/>.
/// </summary>
/// <param name="Owner">The session's user, by name.</param>
/// <param name="ReadOnly">Watching only: every key that acts is refused here (the server refuses them too).</param>
public sealed record SessionGuest(string Owner, bool ReadOnly)
{
    /// <summary>The one line a refused key gets.</summary>
    public string Refusal => $"read-only: you are watching {Owner}'s session (q leaves it)";
}
