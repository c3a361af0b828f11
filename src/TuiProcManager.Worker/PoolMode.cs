using System.Globalization;
using System.Runtime.InteropServices;

namespace TuiProcManager.Worker;

/// <summary>
/// A pool worker: <c>tuiproc-worker pool [--steps K --work-ms W --wait-ms T] [--results-fd FD]</c>. It
/// reads inputs from stdin, one per line (<c>square 3</c>, <c>cube -2</c>), and for each runs the same
/// steps as a single worker, progress lines on stdout, then writes the record (<c>ok square 3 9</c>) to
/// FD. The lesson's line (<c>Square: 9</c>) is not printed: in a pool the result is the record. End of
/// file on stdin ends it, with 0.
/// </summary>
/// <remarks>
/// <para>
/// Inputs are handled one at a time, in order, so records come in the order of the inputs. A line that
/// is not an input (unknown kind, N not an integer of at most <see cref="WorkerArguments.MaxDigits"/>
/// digits, longer than <see cref="LineReader.MaxLineBytes"/>) gets one line on stderr and no record:
/// a record needs a kind and a numeric input to be parsed at all. The supervisor only writes inputs it
/// has validated, so this is for people typing at a pool. An input that fails while computing gets an
/// <c>err</c> record.
/// </para>
/// <para>
/// Stdin is read with plain read(2), not <see cref="Console"/> (start-up cost, and a forked worker must
/// not create finalizable objects or threads: see ForkServerMode.cs). A non-blocking stdin is waited on
/// with poll.
/// </para>
/// </remarks>
internal static class PoolMode
{
    internal static int Run(PoolArguments args)
    {
        int resultsFd = args.Options.ResultsFd;
        return Serve(
            args.Options,
            new LineReader(ReadStdin),
            line => NativeOutput.Write(1, line + "\n"),
            message => NativeOutput.Write(2, "tuiproc-worker: " + message + "\n"),
            record => ResultLine.Write(resultsFd, record));
    }

    /// <summary>The loop, over any input and outputs.</summary>
    /// <returns>The exit code: 0 at end of file, 1 when stdin cannot be read.</returns>
    internal static int Serve(WorkerOptions options, LineReader input, Action<string> stdout, Action<string> stderr, Action<string> results)
    {
        while (true)
        {
            switch (input.ReadLine(out string line))
            {
                case LineReader.Status.EndOfFile:
                    return 0;
                case LineReader.Status.Error:
                    stderr("cannot read stdin: " + Marshal.GetPInvokeErrorMessage(input.Errno));
                    return 1;
                case LineReader.Status.TooLong:
                    stderr(string.Create(CultureInfo.InvariantCulture, $"input line longer than {LineReader.MaxLineBytes} bytes, skipped"));
                    continue;
            }

            string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue; // a blank line
            }

            if (words.Length != 2 || !WorkerArguments.TryParseKind(words[0], out WorkerKind kind))
            {
                stderr($"bad input '{WorkerArguments.Shorten(line)}' (expected 'square N' or 'cube N')");
                continue;
            }

            if (!WorkerArguments.TryCheckNumber(words[1], out string? error))
            {
                stderr($"bad input '{WorkerArguments.Shorten(line)}': {error}");
                continue;
            }

            Compute(options, kind, words[1], stdout, results);
        }
    }

    private static void Compute(WorkerOptions options, WorkerKind kind, string number, Action<string> stdout, Action<string> results)
    {
        WorkLoop.RunSteps(kind, number, options.Steps, options.WorkMs, options.WaitMs, stdout);
        string record;
        try
        {
            record = ResultLine.Ok(kind, number, WorkLoop.Compute(kind, number));
        }
        catch (OutOfMemoryException e)
        {
            // The only way a checked input can fail: the cube of a long N when memory is short. The pool
            // goes on with the next input, and the supervisor learns which one failed.
            record = ResultLine.Err(kind, number, e.Message);
        }

        results(record);
    }

    private static unsafe int ReadStdin(Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            while (true)
            {
                nint n = Native.Read(0, p, buffer.Length);
                if (n >= 0)
                {
                    return (int)n;
                }

                switch (Native.LastErrno)
                {
                    case Native.EINTR:
                        continue;
                    case Native.EAGAIN:
                        Native.PollFd poll = new() { Fd = 0, Events = Native.POLLIN };
                        _ = Native.Poll(&poll, 1, -1); // EINTR or not, the read is tried again
                        continue;
                    default:
                        return -Native.LastErrno;
                }
            }
        }
    }
}
