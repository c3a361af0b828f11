using TuiProcManager.Core.Pooling;

namespace TuiProcManager.Labs.Checks;

/// <summary>What a lab knows about one pool.</summary>
public sealed class PoolFacts
{
    internal PoolFacts(PoolId id, PoolRequest request)
    {
        Id = id;
        Request = request;
    }

    /// <summary>The pool.</summary>
    public PoolId Id { get; }

    /// <summary>What it maps, over how many workers.</summary>
    public PoolRequest Request { get; }

    /// <summary>Workers that died with an input in hand and were replaced; true where a request (kill, terminate) ended them.</summary>
    public List<bool> Losses { get; } = [];

    /// <summary>How it ended; null while it goes on.</summary>
    public PoolOutcome? Outcome { get; internal set; }
}
