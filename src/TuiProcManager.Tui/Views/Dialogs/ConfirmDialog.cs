using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;

namespace TuiProcManager.Tui.Views.Dialogs;

/// <summary>
/// A yes/no question: <c>y</c> or Enter (the default button) says yes, <c>n</c> or Esc says no.
/// </summary>
internal sealed class ConfirmDialog : Dialog
{
    private bool _typedYes;

    public ConfirmDialog(string title, string question, string yes)
    {
        Title = title;
        Width = Dim.Auto(minimumContentDim: Math.Min(question.Length + 4, 70));
        Height = Dim.Auto();
        Add(new Label { X = 1, Y = 0, Text = question + " (y/n)" });
        AddButton(new Button { Text = "No" });
        Button accept = new() { Text = yes };
        AddButton(accept); // the last one added is the default
        IsRunningChanged += (_, e) =>
        {
            if (e.Value)
            {
                accept.SetFocus(); // Enter presses the focused button: the first, No, unless told otherwise
            }
        };
    }

    /// <summary>True once closed with y, Enter or the yes button.</summary>
    public bool Confirmed => _typedYes || Result == Buttons.Length - 1;

    protected override bool OnKeyDown(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (!key.IsCtrl && !key.IsAlt && key.AsGrapheme is "y" or "Y" or "n" or "N")
        {
            _typedYes = key.AsGrapheme is "y" or "Y";
            App?.RequestStop(this);
            return true;
        }

        return base.OnKeyDown(key);
    }
}
