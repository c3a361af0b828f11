using TuiProcManager.Core.Workers;

namespace TuiProcManager.Labs.Explaining;

/// <summary>One action or change, explained in the lesson's terms and the OS's.</summary>
/// <param name="Time">When it happened.</param>
/// <param name="Topic">Which topic explains it (<c>pause</c>, <c>state.waiting</c>…).</param>
/// <param name="Worker">The worker it is about, if one.</param>
/// <param name="Title">The headline, placeholders filled in.</param>
/// <param name="Python">The Python call, filled in; null if none.</param>
/// <param name="Os">The system calls and signals, filled in; null if none.</param>
/// <param name="Trap">The trap, filled in; null if none.</param>
public sealed record Explanation(DateTimeOffset Time, string Topic, WorkerId? Worker, string Title, string? Python, string? Os, string? Trap);
