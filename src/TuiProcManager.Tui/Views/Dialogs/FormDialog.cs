using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Terminal.Gui.Input;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiProcManager.Core.Text;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Views.Dialogs;

/// <summary>
/// A dialog with fields, Cancel and an accept button (the default: Enter). When the input is invalid it
/// stays open and says what is wrong under the fields, wrapped over as many lines as it takes: the dialog
/// grows to show the whole message.
/// </summary>
/// <remarks>
/// Sized by hand rather than by Dim.Auto: as wide as asked but never wider than the screen (fields shrink
/// to fit, from 60 columns up), as tall as the form and the message need but never taller than the
/// screen. A refusal that nobody sees is what this layout exists to prevent: the message has its own rows
/// below the form, never the row Terminal.Gui's buttons are drawn on. At 60×16 the tallest form (the
/// pool's six fields) leaves four rows of 54 columns for a message, more than any of its messages needs;
/// the blank row above the message is given up first when rows run short.
/// </remarks>
internal abstract class FormDialog : Dialog
{
    /// <summary>Column where the fields start (the names are left of it).</summary>
    private const int FieldX = 14;

    /// <summary>Longest quote of a field's text in a message: a field is narrow, and the message wraps under it.</summary>
    protected const int MaxQuotedFieldLength = 20;

    private readonly WrappedText _error;
    private readonly Button _cancel;
    private readonly int _width;
    private readonly int _formRows;
    private string? _problem;

    /// <param name="title">The dialog's title.</param>
    /// <param name="acceptText">The accept button's text.</param>
    /// <param name="width">Columns wanted, border included (less on a narrower screen).</param>
    /// <param name="formRows">Rows the form takes (fields, notes, choices): the message goes one row below.</param>
    protected FormDialog(string title, string acceptText, int width, int formRows)
    {
        Title = title;
        _width = width;
        _formRows = formRows;
        Width = Dim.Func(_ => DialogWidth());
        Height = Dim.Func(_ => DialogHeight());
        _error = new WrappedText { X = 1, Y = Pos.Func(_ => FormRows(ContentWidth()) + Gap()), Width = Dim.Fill(1), Height = 1, Role = Roles.Failed };
        Add(_error);
        AddButton(_cancel = new Button { Text = "Cancel" });
        AddButton(new Button { Text = acceptText });
    }

    /// <summary>True when the dialog ended by accepting valid input.</summary>
    public bool Confirmed { get; private set; }

    /// <summary>The current input's problem, as one line of text (wrapped when shown), or null when it is valid.</summary>
    protected abstract string? Validate();

    /// <summary>The message shown under the fields, unwrapped (for tests).</summary>
    public string ErrorText => _problem ?? "";

    /// <summary>The message as it is wrapped on screen now (for tests).</summary>
    internal IReadOnlyList<string> ErrorLines => _problem is null ? [] : TextWrap.Lines(_problem, ContentWidth());

    /// <summary>Columns of the screen the dialog is on (its preferred size before it runs).</summary>
    private System.Drawing.Size ScreenSize => App?.Screen.Size is { Width: > 0, Height: > 0 } size ? size : new System.Drawing.Size(_width, 100);

    private int DialogWidth() => Math.Max(20, Math.Min(_width, ScreenSize.Width));

    /// <summary>Columns for text: inside the border (and the shadow), less a column each side.</summary>
    protected int ContentWidth() => Math.Max(1, DialogWidth() - GetAdornmentsThickness().Horizontal - 2);

    /// <summary>Rows the form takes at <paramref name="width"/> columns of text (wrapped text takes more on a narrow screen).</summary>
    protected virtual int FormRows(int width) => _formRows;

    private int DialogHeight() => Math.Min(ScreenSize.Height, Rows(gap: Gap()) + GetAdornmentsThickness().Vertical);

    /// <summary>Rows inside: the form, the gap, the message (one row kept for it even when there is none).</summary>
    private int Rows(int gap) => FormRows(ContentWidth()) + gap + Math.Max(1, ErrorLines.Count);

    /// <summary>A blank row between the form and the message, unless the screen has no row to spare for it.</summary>
    private int Gap() => Rows(gap: 1) + GetAdornmentsThickness().Vertical <= ScreenSize.Height ? 1 : 0;

    protected override void OnViewportChanged(DrawEventArgs e)
    {
        base.OnViewportChanged(e);
        _error.Height = Math.Max(1, ErrorLines.Count); // the width may have changed: the message rewraps
    }

    /// <summary>Adds a labelled text field on row <paramref name="row"/>.</summary>
    protected InputField AddField(Pos row, string label, string value, int width, string? note = null)
    {
        Label name = new() { X = 1, Y = row, Text = label };
        int reserved = note is null ? 1 : note.Length + 2; // the note keeps its room; the field gives way
        InputField field = new() { X = FieldX, Y = row, Width = Dim.Func(_ => Math.Clamp(Viewport.Width - FieldX - reserved, Math.Min(width, 8), width)), Text = value };
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

        error = $"{name} must be a whole number from 0 to {max.ToString("N0", CultureInfo.InvariantCulture)}, got '{InputText.Shorten(text, MaxQuotedFieldLength)}'";
        return false;
    }

    /// <summary>Shows <paramref name="problem"/> under the form, the dialog grown to show all of it.</summary>
    private void Say(string problem)
    {
        _problem = problem;
        _error.Message = problem;
        _error.Height = Math.Max(1, ErrorLines.Count);
        SetNeedsLayout();
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
            Say(problem);
            return true; // handled: the dialog stays open
        }

        Confirmed = true;
        return base.OnAccepting(args);
    }
}
