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
    public async Task Results_DevFull_SaidInOneLine_ExitThree()
    {
        // The disk is full when the results are written, at the end: a one-line problem, never an exception,
        // and an exit code that says the run's record is incomplete.
        (int code, string stdout, string stderr) = await Tuiproc.RunAsync("run", "--results", "/dev/full", "square:3");

        Assert.True(code == 3, stderr);
        Assert.Equal("Square: 9\nDone!\n", stdout);
        Assert.Equal("tuiproc: cannot write the results file '/dev/full': No space left on device\n", stderr);
    }

    [Fact]
    public async Task Events_DevFull_SaidOnce_TheWorkersGoOn_EveryLinePrinted_ExitThree()
    {
        (int code, string stdout, string stderr) = await Tuiproc.RunAsync("run", "--events", "/dev/full", "--cmd", "seq 1 100000", "square:3");

        Assert.True(code == 3, stderr);
        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(100_002, lines.Length); // every number, Square: 9, Done!
        Assert.Equal("Done!", lines[^1]);
        string said = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("tuiproc: cannot write the events file /dev/full: No space left on device; the record stops after ", said, StringComparison.Ordinal);
        Assert.EndsWith("the workers go on", said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_AFifoWhoseReaderLeavesMidRun_SaidOnce_TheWorkersGoOn_ExitThree()
    {
        using SpecialFiles dir = new();
        string fifo = dir.Fifo("events", UnixFileMode.UserRead | UnixFileMode.UserWrite);
        (int code, string stdout, string stderr) = await Shell.RunAsync(
            $"head -c 1000 {fifo} > /dev/null & $TP run --events {fifo} --cmd 'seq 1 200000' | tail -1; echo \"exit ${{PIPESTATUS[0]}}\"");

        Assert.Equal("Done!\nexit 3\n", stdout);
        Assert.Equal(1, stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(l => l.Contains("cannot write the events file", StringComparison.Ordinal)));
        Assert.Contains("Broken pipe", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Events_DevStdout_IntoAReaderThatClosesEarly_SaidOnce_TheRunEnds()
    {
        // Pins: --events /dev/stdout | head -5 hung; people's output goes to stderr, so the pipe is JSON alone.
        (int code, string stdout, string stderr) = await Shell.RunAsync(
            "$TP run --events /dev/stdout --cmd 'seq 1 200000' | head -5 | jq -c .type; echo \"exit ${PIPESTATUS[0]}\"", TimeSpan.FromSeconds(60));

        string[] lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["\"snapshot\"", "\"spawned\""], lines[..2]);
        Assert.Equal("exit 3", lines[^1]);
        Assert.Contains("Done!", stderr, StringComparison.Ordinal); // people's output, kept off the JSON
        Assert.Equal(1, stderr.Split('\n').Count(l => l.Contains("cannot write the events file", StringComparison.Ordinal)));
    }

    private static string TypeOf(string jsonLine)
    {
        using JsonDocument document = JsonDocument.Parse(jsonLine);
        return document.RootElement.GetProperty("type").GetString()!;
    }
}
