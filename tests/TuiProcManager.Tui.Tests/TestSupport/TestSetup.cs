using System.Runtime.CompilerServices;

namespace TuiProcManager.Tui.Tests.TestSupport;

internal static class TestSetup
{
    [ModuleInitializer]
    internal static void Init()
    {
        // Without this the ANSI driver paints the test UIs onto the developer's terminal through /dev/tty.
        Environment.SetEnvironmentVariable("DisableRealDriverIO", "1");

        // Each initialized application parks a pool thread in its input loop (see the Terminal.Gui notes).
        ThreadPool.SetMinThreads(Math.Max(32, Environment.ProcessorCount * 4), 32);
    }
}

/// <summary>Terminal.Gui's themes and schemes are process-wide: tests that touch them run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class GlobalUiState
{
    public const string Name = "Terminal.Gui global state";
}
