using TuiProcManager.Sessions.Recording;
using TuiProcManager.Tui.Hosting;

namespace TuiProcManager.Sessions.Replay;

/// <summary>A recording's lab as the replay's lab panel shows it: found as the session's server found it, its progress as recorded (<see cref="ReplayLab"/>).</summary>
internal static class ReplayedLab
{
    /// <summary>The lab to show, or null: the session had none, or this tuiproc cannot find it (said in <paramref name="said"/>).</summary>
    public static LabOptions? Open(RecordingReader reader, ReplayClock clock, List<string> said)
    {
        if (reader.LabStates.Count == 0)
        {
            return null;
        }

        ReplayLab replayed = new(reader.LabStates, clock);
        RecordedLab first = replayed.Current;
        LabOptions? lab = SessionLabs.Shown(first.Source, first.Progress, replayed, out string? problem, $"the recorded session's lab {first.Id}");
        if (problem is not null)
        {
            said.Add(problem);
        }

        return lab;
    }
}
