using TuiProcManager.Labs.Format;

namespace TuiProcManager.CommandLine;

/// <summary>A lab named on the command line, and the name its progress is saved under.</summary>
/// <param name="Lab">The lab.</param>
/// <param name="ProgressKey">Its key in the progress store (<see cref="Labs.Sessions.ProgressStore.KeyFor"/>).</param>
/// <param name="SessionSource">How a session server finds it again: a shipped lab's id, a lab file's absolute path.</param>
internal sealed record FoundLab(Lab Lab, string ProgressKey, string SessionSource);
