namespace TuiProcManager.Labs.Format;

/// <summary>An answer read from what the student's runs did, rather than written in the lab file.</summary>
public enum ComputedAnswer
{
    /// <summary>
    /// "parallel" or "pause-on-wait": the mode whose latest whole run (two or more workers, the mode not
    /// changed on the way) had the shorter makespan.
    /// </summary>
    FasterMode,
}
