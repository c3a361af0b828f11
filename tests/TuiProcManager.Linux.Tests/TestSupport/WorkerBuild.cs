namespace TuiProcManager.Linux.Tests.TestSupport;

/// <summary>Which worker this build staged: NativeAOT where the toolchain allows, the JIT build where it does not.</summary>
internal static class WorkerBuild
{
    /// <summary>A native executable with no managed assembly beside it.</summary>
    public static bool IsNativeAot { get; } =
        File.ReadAllBytes(RealSupervisor.WorkerPath).AsSpan(0, 4).SequenceEqual("\u007fELF"u8) &&
        !File.Exists(Path.ChangeExtension(RealSupervisor.WorkerPath, ".dll"));
}
