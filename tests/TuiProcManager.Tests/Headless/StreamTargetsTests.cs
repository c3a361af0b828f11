using System.Diagnostics;
using System.Text.Json;
using TuiProcManager.Tests.TestSupport;

namespace TuiProcManager.Tests.Headless;

/// <summary>
/// --events and --results naming something that is not a plain file. Pinned bugs: --events /dev/null made
/// /dev/null 0600 for the whole machine (run as root) and then crashed with a stack trace; a FIFO or
/// /dev/stdout crashed with "Stream does not support seeking" (the truncation), and the FIFO's mode was
/// changed; a FIFO without a reader hung before anything started.
/// </summary>
public sealed class StreamTargetsTests
{
    private static readonly string[] HumanLines = ["Square: 9", "Cube: 8", "Done!"];

    [Fact]
    public async Task Events_DevNull_RunsAndLeavesDevNullAsItWas()
    {
        string before = SpecialFiles.TypeAndMode("/dev/null");

        (int code, string stdout, string stderr) = await Tuiproc.RunAsync("run", "--events", "/dev/null", "--results", "/dev/null", "square:3");

        Assert.Equal((0, ""), (code, stderr)); // both on /dev/null: a device opened by name twice is allowed
        Assert.Equal(["Square: 9", "Done!"], stdout.TrimEnd('\n').Split('\n'));
        Assert.Equal("character special file 666", before);
        Assert.Equal(before, SpecialFiles.TypeAndMode("/dev/null"));
    }

    [Fact]
    public async Task Events_AFifoReadByJq_EveryLineArrivesAsValidJson_TheFifoKeepsItsMode()
    {
        using SpecialFiles dir = new();
        string fifo = dir.Fifo("events", (UnixFileMode)0b110_100_100); // 0644
        ProcessStartInfo start = new("jq", ["-c", ".", fifo]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using Process jq = Process.Start(start)!;
        Task<string> jqOut = jq.StandardOutput.ReadToEndAsync(), jqErr = jq.StandardError.ReadToEndAsync();

        // jq may open its end after tuiproc looks: tuiproc waits up to 3 s for a reader.
        (int code, string stdout, string stderr) = await Tuiproc.RunAsync("run", "--events", fifo, "square:3", "cube:2");
        await jq.WaitForExitAsync().WaitAsync(Tuiproc.Bound);

        Assert.Equal((0, ""), (code, stderr));
        Assert.Contains("Done!", stdout, StringComparison.Ordinal);
        Assert.Equal((0, ""), (jq.ExitCode, await jqErr)); // jq fails on the first line that is not JSON
        string[] types = [.. (await jqOut).TrimEnd('\n').Split('\n').Select(TypeOf)];
        Assert.Equal("snapshot", types[0]);
        Assert.Equal(2, types.Count(t => t == "joined"));
        Assert.Equal("fifo 644", SpecialFiles.TypeAndMode(fifo));
    }

    [Fact]
    public async Task Events_AFifoWithoutAReader_RefusedWithinTheBoundedWait_NothingStarted_ModeUnchanged()
    {
        using SpecialFiles dir = new();
        string fifo = dir.Fifo("events", (UnixFileMode)0b110_100_100); // 0644
        string results = dir.PathOf("r.json");
        Stopwatch clock = Stopwatch.StartNew();

        (int code, string stdout, string stderr) = await Tuiproc.RunAsync("run", "--results", results, "--events", fifo, "square:3");

        Assert.Equal(2, code);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2.9), TimeSpan.FromSeconds(20)); // 3 s of waiting, and start-up
        Assert.Equal($"tuiproc: cannot write the events file '{fifo}': it is a FIFO that no process is reading (waited 3 s); start its reader first\n", stderr);
        Assert.Equal("", stdout); // no worker ran: its line would be here
        Assert.False(File.Exists(results)); // created first, removed when the FIFO was refused
        Assert.Equal("fifo 644", SpecialFiles.TypeAndMode(fifo));
    }

    [Fact]
    public async Task Events_DevStdout_IntoAPipe_TheJsonLinesArrive()
    {
        (int code, string stdout, string stderr) = await Tuiproc.RunAsync("run", "--events", "/dev/stdout", "square:3", "cube:2");

        Assert.Equal(0, code);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        string[] json = [.. stdout.Split('\n').Where(l => l.StartsWith('{'))];
        Assert.Equal("snapshot", TypeOf(json[0]));
        Assert.Equal(2, json.Count(l => TypeOf(l) == "joined"));
        Assert.All(stdout.TrimEnd('\n').Split('\n'), l => Assert.True(l.StartsWith('{') || HumanLines.Contains(l), l));
    }

    [Fact]
    public async Task Events_DevStdout_RedirectedByTheShellToAFile_WhatTheShellWroteSurvives()
    {
        // Opening /dev/stdout again would be a new file description at offset 0: the events would overwrite
        // "before" and, truncated, everything up to them. Sharing fd 1, they follow it.
        using TempFile file = new(".txt");
        using Tuiproc.Running shell = Tuiproc.StartShell(
            $"{{ echo before; $TUIPROC run --events /dev/stdout square:3 cube:2; echo \"tuiproc exited $?\"; echo after; }} > '{file.Path}'");

        (int code, _, string stderr) = await shell.EndAsync();

        Assert.True(code == 0, stderr);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        string text = File.ReadAllText(file.Path);
        Assert.DoesNotContain('\0', text); // a write at a stale offset leaves a hole of NULs
        string[] lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal("before", lines[0]);
        Assert.Equal(["tuiproc exited 0", "after"], lines[^2..]);
        string[] middle = lines[1..^2];
        Assert.All(middle, l => Assert.True(l.StartsWith('{') || HumanLines.Contains(l), l));
        string[] types = [.. middle.Where(l => l.StartsWith('{')).Select(TypeOf)];
        Assert.Equal("snapshot", types[0]);
        Assert.Equal(2, types.Count(t => t == "joined"));
    }

    [Fact]
    public async Task Events_DevStderr_TheJsonLinesArriveThere()
    {
        (int code, _, string stderr) = await Tuiproc.RunAsync("run", "--events", "/dev/stderr", "square:3");

        Assert.Equal(0, code);
        string[] json = [.. stderr.Split('\n').Where(l => l.StartsWith('{'))];
        Assert.Equal("snapshot", TypeOf(json[0]));
        Assert.Equal("joined", TypeOf(json[^1]));
    }

    [Fact]
    public async Task Events_ABlockDevice_RefusedBeforeAnythingStarts_Untouched()
    {
        using SpecialFiles dir = new();
        string? device = dir.BlockDevice("blk");
        Assert.True(device is not null, "no block device: mknod failed (not root?) and /dev has none of loop0, sda, vda, xvda, nvme0n1");
        string before = SpecialFiles.TypeAndMode(device);

        (int code, string stdout, string stderr) = await Tuiproc.RunAsync("run", "--events", device, "square:3");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"tuiproc: cannot write the events file '{device}': it is a block device (a disk), which tuiproc does not write\n", stderr);
        Assert.StartsWith("block special file", before, StringComparison.Ordinal);
        Assert.Equal(before, SpecialFiles.TypeAndMode(device));
    }

    [Fact]
    public async Task Results_ASocketPath_RefusedBeforeAnythingStarts()
    {
        using SpecialFiles dir = new();
        string socket = dir.Socket("sock");
        string before = SpecialFiles.TypeAndMode(socket);

        (int code, string stdout, string stderr) = await Tuiproc.RunAsync("run", "--results", socket, "square:3");

        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"tuiproc: cannot write the results file '{socket}': it is a socket, which cannot be opened as a file\n", stderr);
        Assert.Equal(before, SpecialFiles.TypeAndMode(socket));
    }

    [Fact]
    public async Task Results_DevFull_NoStackTrace()
    {
        // The disk is full when the results are written, at the end: a one-line problem, never an exception
        // (saying it is the runner's; ResultsFileWriterTests pins the line).
        (int code, string stdout, string stderr) = await Tuiproc.RunAsync("run", "--results", "/dev/full", "square:3");

        Assert.True(code is 0 or 1, stderr);
        Assert.Contains("Done!", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", stderr, StringComparison.Ordinal);
    }

    private static string TypeOf(string jsonLine)
    {
        using JsonDocument document = JsonDocument.Parse(jsonLine);
        return document.RootElement.GetProperty("type").GetString()!;
    }
}
