namespace TuiProcManager.Labs.Explaining;

/// <summary>The texts for one kind of action or change, with <c>{placeholders}</c> (see <see cref="ExplainTexts"/>).</summary>
/// <param name="Title">A headline: what happened ("you paused {worker}").</param>
/// <param name="Python">The Python <c>multiprocessing</c> call it corresponds to.</param>
/// <param name="Os">The system calls and signals involved.</param>
/// <param name="Trap">What catches people out.</param>
public sealed record ExplainTopic(string Title, string? Python, string? Os, string? Trap);
