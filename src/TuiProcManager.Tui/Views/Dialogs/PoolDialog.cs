using System.Globalization;
using TuiProcManager.Core.Os;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Text;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Tui.Views.Dialogs;

/// <summary>
/// Asks for a pool (Python's <c>Pool(size).map(kind, inputs)</c>): square or cube, the inputs as a range
/// or a list (<c>1..20</c>, <c>2,3,5</c>, <c>1..3,10</c>), how many workers, and each input's workload.
/// The defaults (4 steps of 200 ms work and 200 ms wait, about 1.6 s an input) let one watch the inputs
/// move from worker to worker. Nothing is started while any field is wrong.
/// </summary>
internal sealed class PoolDialog : FormDialog
{
    private readonly InputField _kind, _inputs, _size, _steps, _work, _wait;

    private readonly MachineFacts _machine;

    /// <param name="machine">The machine: its cores bound the pool's size.</param>
    public PoolDialog(MachineFacts machine)
        : base("Start a pool: map over inputs", "Start", 76, 6)
    {
        _machine = machine;
        _kind = AddField(0, "kind", "square", 12, "square or cube");
        _inputs = AddField(1, "inputs", "1..10", 22, "1..20 or 2,3,5");
        _size = AddField(2, "workers", "2", 12, $"1 to {PoolRequest.MaxSizeOn(machine)}");
        _steps = AddField(3, "steps", "4", 12, "0 = at once");
        _work = AddField(4, "work ms", "200", 12, "CPU per step");
        _wait = AddField(5, "wait ms", "200", 12, "blocked per step");
    }

    /// <summary>The pool, once accepted.</summary>
    public PoolRequest? Request { get; private set; }

    protected override string? Validate()
    {
        Request = null;
        if (!KindItemsParser.TryParseKind(_kind.Text, out WorkerKind kind))
        {
            return $"kind must be square or cube, got '{InputText.Shorten(_kind.Text.Trim(), MaxQuotedFieldLength)}'";
        }

        if (_inputs.Text.Trim().Length == 0)
        {
            return "inputs are missing: type an integer, a list such as 2,3,5, or a range such as 1..20"; // the parser's wording speaks of KIND:ITEMS, which is not typed here
        }

        if (!MapSpecParser.TryParseItems(kind, _inputs.Text, MapSpecParser.MaxInputs, out MapSpec? map, out string? error))
        {
            return "inputs: " + error;
        }

        if (!int.TryParse(_size.Text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int size))
        {
            return $"workers must be a whole number from 1 to {PoolRequest.MaxSizeOn(_machine)}, got '{InputText.Shorten(_size.Text.Trim(), MaxQuotedFieldLength)}'";
        }

        if (!TryRange(_steps.Text, "steps", Workload.MaxSteps, out int steps, out error)
            || !TryRange(_work.Text, "work ms", Workload.MaxMilliseconds, out int work, out error)
            || !TryRange(_wait.Text, "wait ms", Workload.MaxMilliseconds, out int wait, out error))
        {
            return error;
        }

        PoolRequest request = new([.. map.Tasks], size, new Workload(steps, work, wait));
        if ((request.SizeProblemOn(_machine) ?? request.Problem()) is { } problem)
        {
            return problem;
        }

        Request = request;
        return null;
    }
}
