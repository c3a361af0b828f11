using System.Globalization;
using Terminal.Gui.ViewBase;
using Terminal.Gui.Views;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Sessions;

namespace TuiProcManager.Tui.Views.Dialogs;

/// <summary>
/// Answers the current lab step's question: typed text, or a choice's number (or text). A wrong answer
/// keeps the dialog open and says so (wrong answers are counted, as the lab says); a right one closes it.
/// </summary>
internal sealed class AnswerDialog : FormDialog
{
    private readonly InputField _answer;
    private readonly Func<string, AnswerResult> _check;
    private readonly WrappedText _question;
    private readonly WrappedText? _choices;

    /// <param name="title">The step's title (the question), shown whole above the choices, wrapped.</param>
    /// <param name="question">Its choices, if any.</param>
    /// <param name="check">Gives the answer to the session (counted there) and says what became of it.</param>
    public AnswerDialog(string title, LabQuestion question, Func<string, AnswerResult> check)
        : base(question.IsTyped ? "Answer: type it" : "Answer: pick one", "Answer", 76, 1)
    {
        _check = check;
        _question = new WrappedText { X = 1, Y = 0, Width = Dim.Fill(1), Message = title };
        _question.Height = Dim.Func(_ => _question.RowsAt(ContentWidth()));
        Add(_question);
        if (!question.IsTyped)
        {
            _choices = new WrappedText
            {
                X = 1, Y = Pos.Bottom(_question) + 1, Width = Dim.Fill(1),
                Message = string.Join('\n', question.Choices.Select((c, i) => string.Create(CultureInfo.InvariantCulture, $"{i + 1}) {c}"))),
            };
            _choices.Height = Dim.Func(_ => _choices.RowsAt(ContentWidth()));
            Add(_choices);
        }

        _answer = AddField(Pos.Func(_ => FormRows(ContentWidth()) - 1), question.IsTyped ? "answer" : "choice", "", 50, question.IsTyped ? null : $"1 to {question.Choices.Length}");
    }

    /// <summary>The question, a blank row, the choices and a blank row (if any), the field.</summary>
    protected override int FormRows(int width) =>
        _question.RowsAt(width) + 1 + (_choices is null ? 0 : _choices.RowsAt(width) + 1) + 1;

    /// <summary>What became of the accepted answer (a right one), once closed.</summary>
    public AnswerResult? Outcome { get; private set; }

    protected override string? Validate()
    {
        if (string.IsNullOrWhiteSpace(_answer.Text))
        {
            return "type an answer first";
        }

        AnswerResult result = _check(_answer.Text);
        if (result.Outcome != AnswerOutcome.Right)
        {
            return result.Message;
        }

        Outcome = result;
        return null;
    }
}
