using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Views.Dialogs;

/// <summary>
/// Asks for a square or cube worker's N and workload. The defaults (10 steps of 300 ms work and 200 ms
/// wait) make a worker run for about five seconds: long enough to watch, pause and join.
/// </summary>
internal sealed class SpawnDialog : FormDialog
{
    private readonly WorkerKind _kind;
    private readonly InputField _n, _steps, _work, _wait;

    public SpawnDialog(WorkerKind kind)
        : base(kind == WorkerKind.Square ? "Spawn square N" : "Spawn cube N", "Spawn", 54, 4)
    {
        _kind = kind;
        _n = AddField(0, "N", "10", 12, "any integer");
        _steps = AddField(1, "steps", "10", 12, "0 = at once");
        _work = AddField(2, "work ms", "300", 12, "CPU per step");
        _wait = AddField(3, "wait ms", "200", 12, "blocked per step");
    }

    /// <summary>The spec, once accepted.</summary>
    public WorkerSpec? Spec { get; private set; }

    protected override string? Validate()
    {
        if (_n.Text.Trim().Length == 0)
        {
            return "N is missing: type an integer, e.g. 10"; // the parser's wording speaks of KIND:N, which is not typed here
        }

        if (!WorkerSpecParser.TryParseNumber(_n.Text.Trim(), out string? number, out string? error))
        {
            return error;
        }

        if (!TryRange(_steps.Text, "steps", Workload.MaxSteps, out int steps, out error)
            || !TryRange(_work.Text, "work ms", Workload.MaxMilliseconds, out int work, out error)
            || !TryRange(_wait.Text, "wait ms", Workload.MaxMilliseconds, out int wait, out error))
        {
            return error;
        }

        Workload workload = new(steps, work, wait);
        Spec = _kind == WorkerKind.Square ? WorkerSpec.Square(number, workload) : WorkerSpec.Cube(number, workload);
        return null;
    }
}
