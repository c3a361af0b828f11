namespace TuiProcManager.Benchmarks;

/// <summary>What one <see cref="RelayRun"/> measured.</summary>
/// <param name="WallSeconds">From Process.Start until it was reaped and its output read to the end.</param>
/// <param name="CpuSeconds">User + system, with the children it reaped (seq): 10 ms ticks.</param>
/// <param name="PeakMib">VmHWM of the started process itself (not of seq), last read at most 10 ms before it ended.</param>
/// <param name="Tally">What the counting reader received; null when the output went to /dev/null.</param>
/// <param name="SaidDropped">Output lines tuiproc said on stderr that it dropped (0 for anything else).</param>
internal sealed record RelayResult(double WallSeconds, double CpuSeconds, double PeakMib, SeqTally? Tally, long SaidDropped);
