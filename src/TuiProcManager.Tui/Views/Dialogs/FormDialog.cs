using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Views.Dialogs;

/// <summary>
/// A dialog with fields, Cancel and an accept button (the default: Enter). When the input is invalid it
/// stays open and says what is wrong in one line, instead of closing or doing something else.
/// </summary>
internal abstract class FormDialog : Dialog
{
    private readonly Label _error;
    private readonly Button _cancel;

    protected FormDialog(string title, string acceptText, int width, int height)
    {
        Title = title;
        Width = width;
        Height = height;
        _error = new Label { X = 1, Y = Pos.AnchorEnd(1), Width = Dim.Fill(1), Text = "" };
        _error.SchemeName = Roles.Failed;
        Add(_error);
        AddButton(_cancel = new Button { Text = "Cancel" });
        AddButton(new Button { Text = acceptText });
    }

    /// <summary>True when the dialog ended by accepting valid input.</summary>
    public bool Confirmed { get; private set; }

    /// <summary>The current input's problem, in one line, or null when it is valid.</summary>
    protected abstract string? Validate();

    /// <summary>The message shown under the fields (for tests).</summary>
    public string ErrorText => _error.Text;

    /// <summary>Adds a labelled text field on row <paramref name="row"/>.</summary>
    protected InputField AddField(int row, string label, string value, int width, string? note = null)
    {
        Label name = new() { X = 1, Y = row, Text = label };
        InputField field = new() { X = 14, Y = row, Width = width, Text = value };
        Add(name, field);
        if (note is not null)
        {
            Add(new Label { X = Pos.Right(field) + 1, Y = row, Text = note, SchemeName = Roles.Hint });
        }

        return field;
    }

    /// <summary>A whole number from 0 to <paramref name="max"/> typed into the field called <paramref name="name"/>.</summary>
    protected static bool TryRange(string text, string name, int max, out int value, [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value) && value <= max)
        {
            error = null;
            return true;
        }

        error = $"{name} must be a whole number from 0 to {max.ToString("N0", CultureInfo.InvariantCulture)}, got '{Shorten(text)}'";
        return false;
    }

    /// <summary>Typed text as quoted in a message: at most 20 characters.</summary>
    protected static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string shown = Core.Text.InputText.Shorten(text);
        return shown.Length <= 20 ? shown : shown[..17] + "...";
    }

    protected override bool OnAccepting(CommandEventArgs args)
    {
        View? target = null;
        args.Context?.Source?.TryGetTarget(out target);
        if (target == _cancel)
        {
            return base.OnAccepting(args);
        }

        if (Validate() is { } problem)
        {
            _error.Text = problem;
            return true; // handled: the dialog stays open
        }

        Confirmed = true;
        return base.OnAccepting(args);
    }
}
