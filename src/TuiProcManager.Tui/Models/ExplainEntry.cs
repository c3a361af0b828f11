using TuiProcManager.Labs.Explaining;

namespace TuiProcManager.Tui.Models;

/// <summary>One line of the Explain panel: the latest explanation of its kind and how many it stands for.</summary>
/// <param name="Latest">The newest explanation it holds.</param>
/// <param name="Count">How many explanations it stands for (a worker's state flips are folded into one).</param>
internal sealed record ExplainEntry(Explanation Latest, int Count);
