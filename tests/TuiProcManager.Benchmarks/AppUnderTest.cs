namespace TuiProcManager.Benchmarks;

/// <summary>
/// Which tuiproc the benchmarks run: what users run, the NativeAOT publish. In order: the environment
/// variable <c>TUIPROC_BENCH_APP</c> (a path to any tuiproc binary, e.g. a publish made by hand), then
/// <c>native/tuiproc</c> staged beside the benchmarks by the build, then the JIT apphost beside them
/// (said on stderr, since its figures are not the product's).
/// </summary>
internal static class AppUnderTest
{
    private static readonly Lazy<string> Resolved = new(Resolve);

    /// <summary>The binary to run.</summary>
    public static string Path => Resolved.Value;

    private static string Resolve()
    {
        if (Environment.GetEnvironmentVariable("TUIPROC_BENCH_APP") is { Length: > 0 } chosen)
        {
            return File.Exists(chosen) ? System.IO.Path.GetFullPath(chosen)
                : throw new FileNotFoundException($"TUIPROC_BENCH_APP names {chosen}, which does not exist");
        }

        string native = System.IO.Path.Combine(AppContext.BaseDirectory, "native", "tuiproc");
        if (File.Exists(native))
        {
            return native;
        }

        string jit = System.IO.Path.Combine(AppContext.BaseDirectory, "tuiproc");
        Console.Error.WriteLine($"benchmarks: no native tuiproc beside them; measuring the JIT build {jit}");
        return jit;
    }
}
