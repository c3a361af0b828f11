using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace TuiProcManager.Benchmarks;

/// <summary>
/// One run of a line relay (or of seq itself): its stdout straight to /dev/null, or into a
/// <see cref="SeqTally"/> in this process that may start reading late; stderr read here at once.
/// </summary>
/// <remarks>
/// The runtime reaps the child as soon as it ends, so nothing can be read from its /proc entry after that:
/// VmHWM is polled at the start and every 10 ms while it runs (a high-water mark, so the last read misses
/// at most the last 10 ms' growth; a run shorter than that shows its start), and its CPU is this process's
/// cutime + cstime after the reap, as in <see cref="TuiprocRun"/>. So no other child of ours may end
/// meanwhile: runs go one at a time.
/// </remarks>
internal static partial class RelayRun
{
    /// <summary>Runs <paramref name="command"/>; throws if it exits with anything but 0.</summary>
    /// <param name="command">The program and its arguments (no shell).</param>
    /// <param name="reader">Reads stdout through a pipe; null: stdout is /dev/null itself.</param>
    /// <param name="readAfter">How long the reader leaves the pipe unread first (the relay blocks or buffers meanwhile).</param>
    /// <param name="unbufferedPython">Run with PYTHONUNBUFFERED=1, as machines that export it (this one) do.</param>
    public static RelayResult Run(IReadOnlyList<string> command, SeqTally? reader, TimeSpan readAfter = default, bool unbufferedPython = false)
    {
        // To /dev/null through sh's exec, which keeps the PID: .NET cannot redirect a child's stdout to a file.
        ProcessStartInfo start = reader is null ? new("/bin/sh") { ArgumentList = { "-c", "exec \"$@\" >/dev/null", "sh" } } : new(command[0]);
        foreach (string a in reader is null ? command : command.Skip(1))
        {
            start.ArgumentList.Add(a);
        }

        start.RedirectStandardOutput = reader is not null;
        start.RedirectStandardError = true;

        // An inherited PYTHONUNBUFFERED=1 makes Python write(2) every line on its own, several times slower:
        // the relay is measured with Python's default (block) buffering.
        start.Environment.Remove("PYTHONUNBUFFERED");
        if (unbufferedPython)
        {
            start.Environment["PYTHONUNBUFFERED"] = "1";
        }

        double cpu = ProcStat.ReapedChildrenCpuSeconds(Environment.ProcessId);
        long t = Stopwatch.GetTimestamp();
        using Process p = Process.Start(start)!;
        Task<string> stderr = p.StandardError.ReadToEndAsync();
        Task reading = reader is null ? Task.CompletedTask : Task.Run(() =>
        {
            Thread.Sleep(readAfter);
            reader.Read(p.StandardOutput.BaseStream);
        });

        long peak = 0;
        do
        {
            peak = Math.Max(peak, ProcStat.StatusKib(p.Id, "VmHWM"));
        }
        while (!p.WaitForExit(10));

        p.WaitForExit();
        reading.Wait();
        double wall = Stopwatch.GetElapsedTime(t).TotalSeconds;
        cpu = ProcStat.ReapedChildrenCpuSeconds(Environment.ProcessId) - cpu;
        string errors = stderr.Result;
        if (p.ExitCode != 0)
        {
            throw new InvalidOperationException($"{string.Join(' ', command)} exited {p.ExitCode}: {errors.Trim()}");
        }

        long dropped = Dropped().Matches(errors).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        return new RelayResult(wall, cpu, peak / 1024.0, reader, dropped);
    }

    /// <summary>ConsolePrinter's report of lines it dropped (absent once delivery is lossless).</summary>
    [GeneratedRegex(@"^tuiproc: (\d+) output lines of worker .* were dropped", RegexOptions.Multiline)]
    private static partial Regex Dropped();
}
