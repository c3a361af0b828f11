namespace TuiProcManager.Linux.Tests.TestSupport;

/// <summary>A fact that only root can run; skipped, with the reason, otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute(string why)
    {
        if (!ProcessTable.IsRoot)
        {
            Skip = "needs root: " + why;
        }
    }
}
