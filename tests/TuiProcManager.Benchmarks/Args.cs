using System.Globalization;

namespace TuiProcManager.Benchmarks;

/// <summary>The benchmarks' few options: <c>--name VALUE</c> pairs after the benchmark's name.</summary>
internal static class Args
{
    public static int Int(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>The value after <paramref name="name"/>, or null.</summary>
    public static string? String(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
