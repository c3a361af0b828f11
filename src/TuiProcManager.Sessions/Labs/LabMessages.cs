using System.Text.Json;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;

namespace TuiProcManager.Sessions.Labs;

/// <summary>
/// A lab's progress and answers on the wire: the progress as the JSON of the progress file (one format for
/// the file, the protocol and a student's script), the answer's outcome as an enum.
/// </summary>
public static class LabMessages
{
    /// <summary><paramref name="progress"/> as a <see cref="LabUpdate"/>.</summary>
    public static LabUpdate ToWire(this LabProgress progress, string? saveProblem) => new()
    {
        ProgressJson = LabProgressJson.Write(progress),
        SaveProblem = saveProblem ?? "",
    };

    /// <summary>The progress an update carries.</summary>
    /// <exception cref="ProtocolException">It is not progress in the file's format.</exception>
    public static LabProgress ToCore(this LabUpdate update)
    {
        ArgumentNullException.ThrowIfNull(update);
        try
        {
            if (LabProgressJson.Read(update.ProgressJson) is { } progress)
            {
                return progress;
            }
        }
        catch (JsonException)
        {
        }

        throw new ProtocolException($"LabUpdate.progress_json is not {LabProgress.CurrentFormat} progress");
    }

    /// <summary><paramref name="change"/> as a <see cref="LabReply"/>.</summary>
    public static LabReply ToWire(this LabChange change, string? saveProblem)
    {
        ArgumentNullException.ThrowIfNull(change);
        LabReply reply = new()
        {
            Progress = change.Progress.ToWire(saveProblem),
            Problem = change.Problem ?? "",
            Outcome = change.Answer?.Outcome.ToWire() ?? LabReply.Types.Outcome.None,
            Message = change.Answer?.Message ?? "",
        };
        reply.Done.AddRange(change.Answer?.Done ?? []);
        return reply;
    }

    /// <summary>The change a reply says.</summary>
    /// <exception cref="ProtocolException">It does not map.</exception>
    public static LabChange ToCore(this LabReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        LabProgress progress = (reply.Progress ?? throw new ProtocolException("LabReply.progress is missing")).ToCore();
        AnswerResult? answer = reply.Outcome == LabReply.Types.Outcome.None
            ? null
            : new AnswerResult(reply.Outcome.ToCore(), reply.Message, [.. reply.Done]);
        return new LabChange(progress, reply.Problem is { Length: > 0 } problem ? problem : null, answer);
    }

    private static LabReply.Types.Outcome ToWire(this AnswerOutcome outcome) => outcome switch
    {
        AnswerOutcome.Right => LabReply.Types.Outcome.Right,
        AnswerOutcome.Wrong => LabReply.Types.Outcome.Wrong,
        AnswerOutcome.NotAChoice => LabReply.Types.Outcome.NotAChoice,
        AnswerOutcome.NotYet => LabReply.Types.Outcome.NotYet,
        AnswerOutcome.NoQuestion => LabReply.Types.Outcome.NoQuestion,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "an answer outcome the protocol does not know"),
    };

    private static AnswerOutcome ToCore(this LabReply.Types.Outcome outcome) => outcome switch
    {
        LabReply.Types.Outcome.Right => AnswerOutcome.Right,
        LabReply.Types.Outcome.Wrong => AnswerOutcome.Wrong,
        LabReply.Types.Outcome.NotAChoice => AnswerOutcome.NotAChoice,
        LabReply.Types.Outcome.NotYet => AnswerOutcome.NotYet,
        LabReply.Types.Outcome.NoQuestion => AnswerOutcome.NoQuestion,
        _ => throw new ProtocolException($"LabReply.outcome {(int)outcome} is not one this tuiproc knows"),
    };
}
