namespace TuiProcManager.Benchmarks;

/// <summary>The <see cref="SoakTest"/>'s measurements: memory before, during and after, stop-all time, worker counts.</summary>
internal sealed class SoakFigures
{
    public double HeapBeforeMiB { get; set; }

    public double HeapWarmMiB { get; set; }

    public double HeapEndAliveMiB { get; set; }

    public double HeapAfterMiB { get; set; }

    public double RssBeforeMiB { get; set; }

    public double PeakRssMiB { get; set; }

    public double RssAfterMiB { get; set; }

    public int Workers { get; set; }

    public int WorkersWarm { get; set; }

    public int PeakAlive { get; set; }

    public double StopAllMs { get; set; }
}
