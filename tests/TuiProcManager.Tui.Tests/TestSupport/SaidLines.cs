using TuiProcManager.Tui.Controllers;

namespace TuiProcManager.Tui.Tests.TestSupport;

/// <summary>The header, as what it was told.</summary>
internal sealed class SaidLines : IStatusLine
{
    public List<string?> Said { get; } = [];

    public List<string> Notes { get; } = [];

    public void Say(string? message, bool error = false) => Said.Add(message);

    public void Note(string message) => Notes.Add(message);
}
