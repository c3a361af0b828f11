namespace TuiProcManager.Core.Pooling;

/// <summary>How a pool ended.</summary>
/// <param name="Succeeded">Inputs with a result.</param>
/// <param name="Failed">Inputs whose worker reported an error or died while computing them.</param>
/// <param name="NotRun">Inputs never computed: the pool was terminated first, or no worker could be started.</param>
public sealed record PoolOutcome(int Succeeded, int Failed, int NotRun)
{
    /// <summary>Every input has a result.</summary>
    public bool AllSucceeded => Failed == 0 && NotRun == 0;
}
