using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TuiProcManager.Tui.Views.Dialogs;

/// <summary>
/// A yes/no question: <c>y</c> or Enter (the default button) says yes, <c>n</c> or Esc says no.
/// </summary>
internal sealed class ConfirmDialog : Dialog
{
    private readonly Button _no;

    public ConfirmDialog(string title, string question, string yes)
    {
        Title = title;
        Width = Dim.Auto(minimumContentDim: Math.Min(question.Length + 4, 70));
        Height = Dim.Auto();
        Add(new Label { X = 1, Y = 0, Text = question + " (y/n)" });
        AddButton(_no = new Button { Text = "No" });
        Button accept = new() { Text = yes };
        AddButton(accept); // the last one added is the default
        accept.SetFocus(); // Enter presses the focused button: the first, No, unless told otherwise (as MessageBox does)
    }

    /// <summary>True once closed with y, Enter or the yes button.</summary>
    public bool Confirmed { get; private set; }

    /// <summary>Enter or a button: yes unless it was No (as <see cref="FormDialog"/> tells its Cancel).</summary>
    protected override bool OnAccepting(CommandEventArgs args)
    {
        View? target = null;
        args?.Context?.Source?.TryGetTarget(out target);
        Confirmed = target != _no;
        return base.OnAccepting(args!);
    }

    protected override bool OnKeyDown(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.IsCtrl && !key.IsAlt && key.AsGrapheme is "y" or "Y" or "n" or "N")
        {
            Confirmed = key.AsGrapheme is "y" or "Y";
            App?.RequestStop(this);
            return true;
        }

        return base.OnKeyDown(key);
    }
}
