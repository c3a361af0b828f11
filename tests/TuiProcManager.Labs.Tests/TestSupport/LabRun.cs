using TuiProcManager.Core.Events;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Sessions;

namespace TuiProcManager.Labs.Tests.TestSupport;

/// <summary>A session of a shipped lab fed from an <see cref="EventScript"/>, on the script's clock.</summary>
internal sealed class LabRun
{
    private int _fed;

    public LabRun(string lab, int cores = 2, LabProgress? saved = null)
    {
        Session = new LabSession(ShippedLabs.Get(lab), saved, Script.Now, cores);
        Lab = Session.Lab;
    }

    public EventScript Script { get; } = new();

    public LabSession Session { get; }

    public Lab Lab { get; }

    /// <summary>Feeds what the script has written since the last call; returns the ids of the steps that became done.</summary>
    public List<string> Feed()
    {
        List<string> done = [];
        for (; _fed < Script.Events.Count; _fed++)
        {
            SupervisorEvent e = Script.Events[_fed];
            done.AddRange(Session.Observe(e).Select(i => Lab.Steps[i].Id));
        }

        return done;
    }

    public AnswerResult Answer(string text) => Session.Answer(text, Script.Now);

    /// <summary>The id of the current step (null when finished).</summary>
    public string? Current => Session.IsFinished ? null : Lab.Steps[Session.Current].Id;
}
