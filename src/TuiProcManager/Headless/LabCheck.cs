using System.Globalization;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Text;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Sessions;

namespace TuiProcManager.Headless;

/// <summary>
/// <c>tuiproc lab check N FILE</c>: replays a recorded event stream through the same session the UI
/// uses, and says step by step what was done when, and what was not (and what it waits for), so that a
/// teacher can grade runs without a terminal. Answers and hints recorded in the file (from the UI with
/// <c>--events</c>) are replayed too, on the step they were given for.
/// </summary>
internal static class LabCheck
{
    /// <summary>The outcome: all steps done or not, how many events were read.</summary>
    /// <param name="Done">Every step was done.</param>
    /// <param name="Session">The session after the whole file.</param>
    public sealed record Outcome(bool Done, LabSession Session);

    /// <summary>
    /// Replays <paramref name="items"/> (events and lab records) through a fresh session of <paramref name="lab"/>,
    /// which starts at the first item's time; it counts <paramref name="machine"/>'s cores until the stream
    /// says how many the recording machine had. A stream without any item is a session started now, by
    /// <paramref name="clock"/>.
    /// </summary>
    public static Outcome Replay(Lab lab, IEnumerable<object> items, MachineFacts machine, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(lab);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(machine);
        ArgumentNullException.ThrowIfNull(clock);
        LabSession? session = null;
        LabSession Start(DateTimeOffset at) => session ??= new LabSession(lab, null, at, machine.Cores);
        foreach (object item in items)
        {
            switch (item)
            {
                case SupervisorEvent e:
                    Start(e.Time).Observe(e);
                    break;
                case LabRecord r when r.Lab == lab.Id:
                    LabSession s = Start(r.Time);
                    if (!s.IsFinished && lab.Steps[s.Current].Id == r.Step)
                    {
                        if (r.Kind == LabRecordKind.Answer)
                        {
                            s.Answer(r.Answer ?? "", r.Time);
                        }
                        else
                        {
                            s.ShowHint();
                        }
                    }

                    break;
                default:
                    break;
            }
        }

        LabSession final = session ?? Start(clock.GetUtcNow());
        return new Outcome(final.IsFinished, final);
    }

    /// <summary>The lines <c>lab check</c> prints: a heading, one line per step, and the tally.</summary>
    public static IEnumerable<string> Lines(Outcome outcome, string file, int events)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        LabSession session = outcome.Session;
        Lab lab = session.Lab;
        yield return Safe($"Lab {lab.Id}: {lab.Title} — checked against {file} ({Plural.Of(events, "event")})");
        for (int i = 0; i < lab.Steps.Length; i++)
        {
            LabStep step = lab.Steps[i];
            StepProgress p = session.Step(i);
            string title = $"{i + 1} {session.Expand(step.Title)}";
            if (p.DoneAt is { } at)
            {
                string extra = (p.HintsShown > 0 ? ", " + Plural.Of(p.HintsShown, "hint") : "") + (p.WrongAnswers > 0 ? ", " + Plural.Of(p.WrongAnswers, "wrong answer") : "");
                yield return Safe($"  done     {title} (at {at.ToUniversalTime():HH:mm:ss.f} UTC{extra})");
            }
            else if (i == session.Current)
            {
                string waits = step.Check is { } check ? "waits for " + check.Describe()
                    : p.WrongAnswers > 0 ? $"not answered right ({Plural.Of(p.WrongAnswers, "wrong answer")})"
                    : "not answered (answers given in the UI with --events are in the file)";
                yield return Safe($"  NOT DONE {title} — {waits}");
            }
            else
            {
                string seen = step.Check is { } check && session.Held(check) ? "seen, but an earlier step comes first" : "not reached";
                yield return Safe($"  -        {title} — {seen}");
            }
        }

        yield return string.Create(CultureInfo.InvariantCulture, $"{session.DoneCount} of {Plural.Of(lab.Steps.Length, "step")} done") + (outcome.Done ? ": the lab is complete" : "");
    }

    /// <summary>Text from the lab file or the events, made harmless for a terminal.</summary>
    private static string Safe(string text) => TerminalText.Sanitize(text);
}
