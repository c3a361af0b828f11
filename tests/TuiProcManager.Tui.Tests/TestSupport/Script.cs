using Terminal.Gui.App;

namespace TuiProcManager.Tui.Tests.TestSupport;

/// <summary>
/// Runs the real main loop (modal dialogs need it) and performs one step per iteration: a key, a check,
/// waiting for a dialog. Stops after the last step, or fails after a bound.
/// </summary>
internal sealed class Script
{
    private readonly Queue<Func<IApplication, bool>> _steps = new();

    /// <summary>A step that is done at once.</summary>
    public Script Then(Action<IApplication> step)
    {
        _steps.Enqueue(app =>
        {
            step(app);
            return true;
        });
        return this;
    }

    /// <summary>A step that waits, iteration after iteration, until <paramref name="condition"/> holds.</summary>
    public Script Until(Func<IApplication, bool> condition)
    {
        _steps.Enqueue(condition);
        return this;
    }

    /// <summary>Runs <paramref name="top"/> until the script ends (then stops everything on the stack) or 20 s pass.</summary>
    public void Run(IApplication app, Terminal.Gui.App.IRunnable top)
    {
        bool finished = false;
        app.Iteration += (_, _) =>
        {
            while (_steps.TryPeek(out Func<IApplication, bool>? step) && step(app))
            {
                _steps.Dequeue();
            }

            if (_steps.Count == 0 && !finished)
            {
                finished = true;
                app.RequestStop();
            }
        };
        object? timeout = app.AddTimeout(TimeSpan.FromSeconds(20), () =>
        {
            app.RequestStop();
            return false;
        });
        app.Run(top);
        app.RemoveTimeout(timeout!);
        Assert.True(finished, $"the script did not finish: {_steps.Count} step(s) left");
    }
}
