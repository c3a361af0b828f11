namespace TuiProcManager.Tui.Views.Dialogs;

/// <summary>Asks for text to find in the output panel (case is ignored).</summary>
internal sealed class SearchDialog : FormDialog
{
    private readonly InputField _query;

    public SearchDialog(string? last)
        : base("Find in output", "Find", 60, 1) => _query = AddField(0, "find", last ?? "", 40);

    public string Query => _query.Text;

    protected override string? Validate() => string.IsNullOrEmpty(_query.Text) ? "type something to find" : null;
}
