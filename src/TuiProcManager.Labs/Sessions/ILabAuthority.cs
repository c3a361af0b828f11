namespace TuiProcManager.Labs.Sessions;

/// <summary>
/// Where a lab's progress is decided, when it is not the UI's own: the session server, which checks every
/// event of the session's lossless stream (those that came while nobody was attached too) and saves the
/// progress. The UI shows what it is told and hands it the student's hints and answers.
/// </summary>
/// <remarks>Its calls may block for a round trip to the server; <see cref="Progress"/> is pushed on a thread of its own.</remarks>
public interface ILabAuthority
{
    /// <summary>The progress as decided now (a step done, a hint shown, an answer counted), then at every change.</summary>
    IObservable<LabProgress> Progress { get; }

    /// <summary>Shows the next hint of step <paramref name="step"/>, when it is still the current step.</summary>
    LabChange Hint(string step);

    /// <summary>Answers step <paramref name="step"/>'s question with <paramref name="text"/>, when it is still the current step.</summary>
    LabChange Answer(string step, string text);
}
