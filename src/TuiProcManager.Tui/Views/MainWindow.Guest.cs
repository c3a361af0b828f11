using TuiProcManager.Tui.Input;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// The UI as a guest in another user's session (<see cref="Hosting.SessionGuest"/>): its header says whose
/// and how; leaving never stops anything; a read-only guest's keys that act are refused in one line. The
/// server refuses those calls too (decision 0007): this is only so that the refusal is immediate and clear.
/// </summary>
internal sealed partial class MainWindow
{
    /// <summary>The UI is a guest in another user's session (header: whose, and read-only); null: the user's own.</summary>
    public Hosting.SessionGuest? Guest
    {
        get => _guest;
        set
        {
            _guest = value;
            ShowSessionName();
        }
    }

    private Hosting.SessionGuest? _guest;

    /// <summary>
    /// What a guest's key does instead, when it differs: leaving (q, Ctrl+C) never stops another user's
    /// workers; a read-only guest's keys that act are refused in one line. True when handled here.
    /// </summary>
    private bool GuestAct(Hosting.SessionGuest guest, UiAction action)
    {
        if (action is UiAction.Quit or UiAction.Interrupt)
        {
            AfterThisKey(DetachNow);
            return true;
        }

        if (guest.ReadOnly && Acts(action))
        {
            _header.Say(guest.Refusal, error: true);
            return true;
        }

        return false;
    }

    /// <summary>Whether <paramref name="action"/> changes the session (its workers, its scheduling, its lab); the rest only change this screen.</summary>
    internal static bool Acts(UiAction action) => action is UiAction.SpawnSquare or UiAction.SpawnCube or UiAction.RunCommand
        or UiAction.PauseResume or UiAction.Join or UiAction.JoinAll or UiAction.Terminate or UiAction.TerminateAll
        or UiAction.ToggleScheduling or UiAction.MoreSlots or UiAction.FewerSlots or UiAction.StartPool or UiAction.Kill
        or UiAction.JoinWithTimeout or UiAction.Hint or UiAction.Answer;
}
