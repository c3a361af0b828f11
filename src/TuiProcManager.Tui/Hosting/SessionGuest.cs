namespace TuiProcManager.Tui.Hosting;

/// <summary>
/// The UI is attached to another user's session, shared with this one (<c>tuiproc attach alice/1</c>): q,
/// Ctrl+C and signals leave it as it is (never stop its workers), and a read-only guest's keys that would
/// act are refused with <see cref="Refusal"/>.
/// </summary>
/// <param name="Owner">The session's user, by name.</param>
/// <param name="ReadOnly">Watching only: every key that acts is refused here (the server refuses them too).</param>
/// <param name="EscLeaves">Esc leaves too (opened from the class view, where Esc comes back).</param>
public sealed record SessionGuest(string Owner, bool ReadOnly, bool EscLeaves = false)
{
    /// <summary>The one line a refused key gets.</summary>
    public string Refusal => $"read-only: you are watching {Owner}'s session ({(EscLeaves ? "Esc" : "q")} leaves it)";
}
