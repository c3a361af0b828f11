using TuiProcManager.Core.Workers;

namespace TuiProcManager.Labs.Checks;

/// <summary>The shared results table has <c>kind(input)</c> (= <see cref="Value"/>, if given). The lab file's <c>result</c>.</summary>
public sealed class ResultCheck(WorkerKind kind, string input, string? value) : Check
{
    /// <summary>square or cube.</summary>
    public WorkerKind WorkerKind { get; } = kind;

    /// <summary>The input, canonical.</summary>
    public string Input { get; } = input;

    /// <summary>The result; null for any result.</summary>
    public string? Value { get; } = value;

    /// <inheritdoc />
    public override string Kind => "result";

    /// <inheritdoc />
    public override bool IsMet(LabWorld world, Func<Check, bool> held)
    {
        ArgumentNullException.ThrowIfNull(world);
        return world.Results.Any(r => r.Kind == WorkerKind && r.Input == Input && r.Result is not null && (Value is null || r.Result == Value));
    }

    /// <inheritdoc />
    public override string Describe() =>
        $"{(WorkerKind == WorkerKind.Square ? "square" : "cube")}({Input}){(Value is null ? "" : " = " + Value)} in the shared results";
}
