namespace TuiProcManager.Tui.Controllers;

/// <summary>The line where the window answers the user: what a key did, or why it could not (the header).</summary>
internal interface IStatusLine
{
    /// <summary>Says <paramref name="message"/> until the next one; an error is shown as one.</summary>
    void Say(string? message, bool error = false);

    /// <summary>Says <paramref name="message"/> as a note: news the user did not ask for (a step done, a run ended).</summary>
    void Note(string message);
}
