using Google.Protobuf.WellKnownTypes;
using TuiProcManager.Labs.Format;
using TuiProcManager.Labs.Sessions;
using TuiProcManager.Protocol.V1;

namespace TuiProcManager.Sessions.Server;

/// <summary>What <see cref="SessionStatus"/> tells a teacher's class view: the last event, the CPU, where the lab is.</summary>
public sealed partial class SessionService
{
    /// <summary>The session's pulse (a tap of its supervisor); none in a test's service.</summary>
    public SessionPulse? Pulse { get; init; }

    /// <summary>Adds the class view's figures to <paramref name="status"/>.</summary>
    private void AddClassFigures(SessionStatus status)
    {
        status.Owner = Transport.UserNames.NameOf(Owner);
        if (Pulse is { } pulse)
        {
            (string text, DateTimeOffset? at) = pulse.Last;
            status.LastEvent = text;
            status.LastEventAt = at is { } when ? Timestamp.FromDateTimeOffset(when) : null;
            status.LastOutputAt = pulse.LastOutputAt is { } output ? Timestamp.FromDateTimeOffset(output) : null;
            status.CpuPercent = pulse.CpuPercent;
        }

        if (Lab is { } lab)
        {
            status.LabStatus = LabStatusOf(lab.Keeper.Lab, lab.Keeper.Current);
        }
    }

    /// <summary>The current step (the first not done, as the lab panel shows it), since when, and the counts.</summary>
    internal static LabStatus LabStatusOf(Lab lab, LabProgress progress)
    {
        int current = lab.Steps.IndexOf(lab.Steps.FirstOrDefault(s => progress.Steps.GetValueOrDefault(s.Id)?.DoneAt is null)!);
        DateTimeOffset since = progress.Steps.Values.Select(s => s.DoneAt).OfType<DateTimeOffset>().DefaultIfEmpty(progress.StartedAt).Max();
        return new LabStatus
        {
            Step = current < 0 ? lab.Steps.Length + 1 : current + 1,
            Steps = lab.Steps.Length,
            StepTitle = current < 0 ? "" : lab.Steps[current].Title,
            StepSince = Timestamp.FromDateTimeOffset(since),
            Hints = progress.Steps.Values.Sum(s => s.HintsShown),
            WrongAnswers = progress.Steps.Values.Sum(s => s.WrongAnswers),
            Finished = current < 0,
        };
    }
}
