using System.Text;
using TuiProcManager.Worker;

namespace TuiProcManager.Worker.Tests;

/// <summary>The pool's loop over scripted reads: how lines arrive must not change what is computed.</summary>
public sealed class PoolModeTests
{
    private sealed class Run
    {
        public List<string> Stdout { get; } = [];

        public List<string> Stderr { get; } = [];

        public List<string> Results { get; } = [];

        public int Code { get; private set; }

        public static Run Serve(IEnumerable<byte[]> reads, WorkerOptions? options = null)
        {
            Run run = new();
            using IEnumerator<byte[]> chunks = reads.GetEnumerator();
            byte[] pending = [];
            LineReader reader = new(buffer =>
            {
                while (pending.Length == 0)
                {
                    if (!chunks.MoveNext())
                    {
                        return 0;
                    }

                    pending = chunks.Current;
                }

                int n = Math.Min(buffer.Length, pending.Length);
                pending.AsSpan(0, n).CopyTo(buffer);
                pending = pending[n..];
                return n;
            });
            run.Code = PoolMode.Serve(options ?? new WorkerOptions(), reader, run.Stdout.Add, run.Stderr.Add, run.Results.Add);
            return run;
        }
    }

    private static IEnumerable<byte[]> Pieces(string text, int size)
    {
        byte[] all = Encoding.UTF8.GetBytes(text);
        for (int i = 0; i < all.Length; i += size)
        {
            yield return all[i..Math.Min(all.Length, i + size)];
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Serve_LinesSplitAnywhere_SameRecordsInOrder(int pieceSize)
    {
        Run run = Run.Serve(Pieces("square 3\ncube 2\r\nsquare +0010\n\ncube -007\nsquare -0", pieceSize));

        Assert.Equal(0, run.Code);
        Assert.Equal(["ok square 3 9", "ok cube 2 8", "ok square 10 100", "ok cube -7 -343", "ok square 0 0"], run.Results);
        Assert.Empty(run.Stdout); // no steps, and never the lesson's line
        Assert.Empty(run.Stderr);
    }

    [Fact]
    public void Serve_Steps_ProgressOnStdoutPerInput()
    {
        Run run = Run.Serve([.. Pieces("square 3\ncube 2\n", 100)], new WorkerOptions(Steps: 2));

        Assert.Equal(["square 3: step 1/2", "square 3: step 2/2", "cube 2: step 1/2", "cube 2: step 2/2"], run.Stdout);
        Assert.Equal(["ok square 3 9", "ok cube 2 8"], run.Results);
    }

    [Fact]
    public void Serve_BadLines_OneStderrLineEach_NoRecord_AndGoesOn()
    {
        Run run = Run.Serve(Pieces("hexagon 3\nsquare abc\nsquare\ncube 1 2\nsquare 4\n", 5));

        Assert.Equal(0, run.Code);
        Assert.Equal(["ok square 4 16"], run.Results);
        Assert.Equal(4, run.Stderr.Count);
        Assert.Equal("bad input 'hexagon 3' (expected 'square N' or 'cube N')", run.Stderr[0]);
        Assert.Equal("bad input 'square abc': N must be an integer, got 'abc'", run.Stderr[1]);
    }

    [Fact]
    public void Serve_LongestInput_IsComputed_LongerOnes_Skipped()
    {
        // 120,000 digits is the limit of N; a line of 200,000 bytes is skipped whole, with one message,
        // and the line after it is read as usual, even when both arrive in one read.
        string longest = "square -" + new string('9', WorkerArguments.MaxDigits);
        string tooLong = "square " + new string('1', 200_000);
        Run run = Run.Serve(Pieces(longest + "\n" + tooLong + "\nsquare 5\n" + tooLong, 64 * 1024));

        Assert.Equal(2, run.Results.Count);
        Assert.StartsWith("ok square -" + new string('9', WorkerArguments.MaxDigits) + " 999", run.Results[0], StringComparison.Ordinal);
        Assert.Equal("ok square ".Length + (1 + WorkerArguments.MaxDigits) + 1 + (2 * WorkerArguments.MaxDigits), run.Results[0].Length);
        Assert.Equal("ok square 5 25", run.Results[1]);
        Assert.Equal(["input line longer than 131072 bytes, skipped", "input line longer than 131072 bytes, skipped"], run.Stderr);
    }

    [Fact]
    public void Serve_ReadError_ExitOne_WithTheReason()
    {
        int calls = 0;
        List<string> stderr = [];
        LineReader reader = new(buffer =>
        {
            if (calls++ == 0)
            {
                "square 2\n"u8.CopyTo(buffer);
                return 9;
            }

            return -5; // EIO
        });

        int code = PoolMode.Serve(new WorkerOptions(), reader, _ => { }, stderr.Add, _ => { });

        Assert.Equal(1, code);
        Assert.StartsWith("cannot read stdin: ", Assert.Single(stderr), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0", "0")]
    [InlineData("-0", "0")]
    [InlineData("+000", "0")]
    [InlineData("+12", "12")]
    [InlineData("-0012", "-12")]
    public void ResultLine_Canonical_AsTheSupervisorsSpecParser(string number, string canonical)
    {
        Assert.Equal(canonical, ResultLine.Canonical(number));
    }

    [Fact]
    public void ResultLine_Err_IsOneLine()
    {
        Assert.Equal("err cube 3 out of memory here", ResultLine.Err(WorkerKind.Cube, "+3", "out of memory\nhere"));
    }
}
