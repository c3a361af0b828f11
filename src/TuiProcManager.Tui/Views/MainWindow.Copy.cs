using System.Text;
using Terminal.Gui.Input;
using TuiProcManager.Core.Text;
using TuiProcManager.Tui.Controllers;

namespace TuiProcManager.Tui.Views;

/// <summary>
/// Copying out of the Output panel: v opens a selection there (its keys are taken before any other while it
/// is open), a mouse drag over the lines makes one too, and y copies it, or, with none open, saves the whole
/// output shown. Every copy goes to the clipboard through the terminal and to a file (<see cref="Copier"/>).
/// </summary>
internal sealed partial class MainWindow
{
    private Copier? _copier;

    /// <summary>Writes an escape sequence to the terminal at once, between frames (the clipboard's); the driver's raw write unless set.</summary>
    public Action<string>? WriteToTerminal { get; set; }

    /// <summary>Where copies are saved; the user's state folder unless set.</summary>
    public CopyFiles? CopyFiles { get; set; }

    private Copier Copier => _copier ??= new Copier(
        CopyFiles ?? CopyFiles.ForThisUser(Environment.GetEnvironmentVariable, TimeProvider.System),
        sequence =>
        {
            if (WriteToTerminal is { } write)
            {
                write(sequence);
            }
            else
            {
                App?.Driver?.WriteRaw(sequence);
            }
        });

    /// <summary>v: opens a selection at the current line of the Output panel (or of the split's pane that has the keyboard).</summary>
    private void SelectOutput()
    {
        if (!ShownOutput.Visible)
        {
            _header.Say("v selects lines in the Output panel: o shows it");
        }
        else if (!ShownOutput.Selector.Start())
        {
            _header.Say("no output to select");
        }
        else
        {
            _header.Say("selecting lines: ↑ ↓ PgUp PgDn Home End move, y or Enter copies, Esc cancels");
        }
    }

    /// <summary>
    /// A key for the Output panel's open selection: true when it took it. A selection whose panel was hidden
    /// meanwhile is closed, and takes nothing.
    /// </summary>
    private bool OutputSelectionTakes(Key key)
    {
        if (ShownOutput.Selector.Active && !ShownOutput.Visible)
        {
            ShownOutput.Selector.Cancel();
        }

        if (!ShownOutput.Selector.Active || !ShownOutput.Selector.TakeKey(key))
        {
            return false;
        }

        if (!ShownOutput.Selector.Active && key == Key.Esc)
        {
            _header.Say("selection cancelled");
        }

        return true;
    }

    /// <summary>The selection was copied (y, Enter, a drag's release).</summary>
    private void CopySelection(IReadOnlyList<string> lines)
    {
        if (lines.Count == 0)
        {
            _header.Say("nothing copied: the selected lines fell out of the scrollback meanwhile", error: true);
            return;
        }

        (string message, bool error) = Copier.Copy(lines, "selection", Plural.Of(lines.Count, "line"));
        _header.Say(message, error);
    }

    /// <summary>y with no selection open: every line the Output panel holds, the selected worker's or the merged.</summary>
    private void CopyWholeOutput()
    {
        (IReadOnlyList<string> lines, string who, long dropped) = ShownOutput.AllLines();
        if (lines.Count == 0)
        {
            _header.Say($"no output to save ({who})");
            return;
        }

        (string message, bool error) = Copier.Copy(lines, "output-" + FileNamePart(who), $"{Plural.Of(lines.Count, "line")} of {who}");
        string lost = dropped == 0 ? "" : $" · {Plural.Of(dropped, "earlier line")} dropped (--events FILE keeps every line)";
        _header.Say(message + lost, error);
    }

    /// <summary>Letters, digits, '.', '-' and '_' of <paramref name="text"/>, the rest as '_', at most 40.</summary>
    private static string FileNamePart(string text)
    {
        StringBuilder sb = new();
        foreach (char c in text.Take(40))
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_');
        }

        return sb.ToString();
    }
}
