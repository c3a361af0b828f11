namespace TuiProcManager.Sessions.Transport;

/// <summary>A peer other than the session's user with a screen attached (<see cref="SessionSharing.Watchers"/>).</summary>
/// <param name="Uid">Who.</param>
/// <param name="Role">What it may do.</param>
/// <param name="Screens">How many screens it has attached.</param>
public sealed record WatcherEntry(uint Uid, PeerRole Role, int Screens)
{
    /// <summary>The user's name (or number), for people.</summary>
    public string Name => UserNames.NameOf(Uid);
}
