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

    /// <param name="title">The step's title (the question).</param>
    /// <param name="question">Its choices, if any.</param>
    /// <param name="check">Gives the answer to the session (counted there) and says what became of it.</param>
    public AnswerDialog(string title, LabQuestion question, Func<string, AnswerResult> check)
        : base("Answer: " + Shorten(title, 60), "Answer", 76, question.IsTyped ? 7 : 9 + question.Choices.Length)
    {
        _check = check;
        int row = 0;
        if (!question.IsTyped)
        {
            for (int c = 0; c < question.Choices.Length; c++)
            {
                Add(new Label { X = 1, Y = row++, Text = string.Create(CultureInfo.InvariantCulture, $"{c + 1}) {question.Choices[c]}") });
            }

            row++;
        }

        _answer = AddField(row, question.IsTyped ? "answer" : "choice", "", 50, question.IsTyped ? null : $"1 to {question.Choices.Length}");
    }

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

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
