using System.Globalization;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Tui.Views.Dialogs;

namespace TuiProcManager.Tui.Views;

/// <summary>Pools: m asks for one and starts it; its panel comes into the Output panel's place.</summary>
internal sealed partial class MainWindow
{
    /// <summary>A pool started (from the dialog, or elsewhere): its panel is what is worth seeing now.</summary>
    private void OnPoolStarted(PoolId pool)
    {
        _poolChoice = pool;
        Place(OutputPlace.Pool);
    }

    private void ReportPoolFinished(PoolFinished finished)
    {
        PoolOutcome o = finished.Outcome;
        string text = $"pool {finished.Pool} finished: {N(o.Succeeded)} done, {N(o.Failed)} failed";
        text += o.NotRun > 0 ? $", {N(o.NotRun)} not run" : "";
        if (o.AllSucceeded)
        {
            _header.Note(text + " · r: results");
        }
        else
        {
            _header.Say(text + " · r: results", error: true);
        }
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
