using System.Diagnostics;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// mprocs 0.9.6, the process runner users would otherwise pick, for side-by-side figures. The npm
/// package ships its native binary; it is installed once into a cache folder outside the repository
/// (<c>~/.cache/tuiproc-bench/mprocs</c>), or taken from <c>MPROCS</c> when that names a binary.
/// </summary>
internal static class Mprocs
{
    public const string Version = "0.9.6";

    private static readonly Lazy<string> Resolved = new(Resolve);

    /// <summary>The mprocs binary; throws with the reason when it cannot be had.</summary>
    public static string Path => Resolved.Value;

    private static string Resolve()
    {
        if (Environment.GetEnvironmentVariable("MPROCS") is { Length: > 0 } chosen)
        {
            return chosen;
        }

        string home = Environment.GetEnvironmentVariable("HOME") ?? "/tmp";
        string prefix = System.IO.Path.Combine(home, ".cache", "tuiproc-bench", "mprocs-" + Version);
        string? found = Find(prefix);
        if (found is null)
        {
            Directory.CreateDirectory(prefix);
            ProcessStartInfo npm = new("npm", ["install", "--no-audit", "--no-fund", "--prefix", prefix, "mprocs@" + Version]) { RedirectStandardOutput = true, RedirectStandardError = true };
            using Process p = Process.Start(npm) ?? throw new InvalidOperationException("could not start npm to install mprocs");
            Task<string> err = p.StandardError.ReadToEndAsync();
            p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            found = Find(prefix) ?? throw new InvalidOperationException($"npm install mprocs@{Version} exited {p.ExitCode}: {err.Result.Trim()}");
        }

        return found;
    }

    private static string LinuxDir => System.Runtime.InteropServices.RuntimeInformation.OSArchitecture == System.Runtime.InteropServices.Architecture.Arm64
        ? "linux-aarch64" : "linux-x86_64";

    /// <summary>The native binary the npm package unpacked (not its node wrapper script).</summary>
    private static string? Find(string prefix)
    {
        string modules = System.IO.Path.Combine(prefix, "node_modules");
        return Directory.Exists(modules)
            ? Directory.EnumerateFiles(modules, "mprocs", SearchOption.AllDirectories)
                .FirstOrDefault(f => f.Contains(LinuxDir, StringComparison.Ordinal) && File.ReadAllBytes(f).AsSpan().StartsWith((ReadOnlySpan<byte>)[0x7f, (byte)'E', (byte)'L', (byte)'F']))
            : null;
    }
}
