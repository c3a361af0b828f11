using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace TuiProcManager.Benchmarks;

/// <summary>Runs the Python half of a comparison and reads the figures it measured itself.</summary>
internal static class PythonSide
{
    public static bool Available { get; } = Probe();

    /// <summary>
    /// The interpreter python3 runs (sys.executable), for benchmarks that time Python from the outside:
    /// python3 may be a shim (pyenv's is a bash script) that costs about 0.3 s per start before Python runs.
    /// </summary>
    public static string Interpreter { get; } = Available ? Resolve() : "python3";

    /// <summary>The path of python/SCRIPT beside the benchmarks.</summary>
    public static string Script(string script) => Path.Combine(AppContext.BaseDirectory, "python", script);

    /// <summary>Runs python/mp_spawn_join.py; returns (ms per start+join one at a time, ms for the batch at once).</summary>
    public static (double One, double Batch) SpawnJoin(string method, int count, int batch)
    {
        JsonElement json = Run("mp_spawn_join.py", method, Invariant(count), Invariant(batch));
        return (json.GetProperty("one_ms").GetDouble(), json.GetProperty("batch_ms").GetDouble());
    }

    /// <summary>
    /// Runs python/mp_pool_map.py: <c>Pool(size).map(square, range(1, count + 1))</c>, close, join; returns the
    /// milliseconds it measured (the second pool of the process) and whether every result was right.
    /// </summary>
    public static (double Ms, bool Correct) PoolMap(string method, int size, int count)
    {
        JsonElement json = Run("mp_pool_map.py", method, Invariant(size), Invariant(count));
        return (json.GetProperty("ms").GetDouble(), json.GetProperty("ok").GetBoolean());
    }

    /// <summary>Runs python/SCRIPT with the arguments; the last line of its stderr, as JSON.</summary>
    private static JsonElement Run(string script, params string[] args)
    {
        ProcessStartInfo start = new("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Script(script));
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        using Process p = Process.Start(start)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        string result = p.StandardError.ReadToEnd();
        p.WaitForExit();
        _ = stdout.Result;
        using JsonDocument json = JsonDocument.Parse(result.Trim().Split('\n')[^1]);
        return json.RootElement.Clone();
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Resolve()
    {
        using Process p = Process.Start(new ProcessStartInfo("python3", "-c \"import sys; print(sys.executable)\"") { RedirectStandardOutput = true })!;
        string path = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        return path.Length > 0 ? path : "python3";
    }

    private static bool Probe()
    {
        try
        {
            using Process p = Process.Start(new ProcessStartInfo("python3", "-c pass") { RedirectStandardError = true })!;
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
