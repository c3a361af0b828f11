using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace TuiProcManager.Benchmarks;

/// <summary>Runs the Python half of a comparison and reads the figures it measured itself.</summary>
internal static class PythonSide
{
    public static bool Available { get; } = Probe();

    /// <summary>Runs python/mp_spawn_join.py; returns (ms per start+join one at a time, ms for the batch at once).</summary>
    public static (double One, double Batch) SpawnJoin(string method, int count, int batch)
    {
        ProcessStartInfo start = new("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string a in new[] { Path.Combine(AppContext.BaseDirectory, "python", "mp_spawn_join.py"), method, count.ToString(CultureInfo.InvariantCulture), batch.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }

        using Process p = Process.Start(start)!;
        Task<string> stdout = p.StandardOutput.ReadToEndAsync();
        string result = p.StandardError.ReadToEnd();
        p.WaitForExit();
        _ = stdout.Result;
        using JsonDocument json = JsonDocument.Parse(result.Trim().Split('\n')[^1]);
        return (json.RootElement.GetProperty("one_ms").GetDouble(), json.RootElement.GetProperty("batch_ms").GetDouble());
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
