using System.Text;
using TuiProcManager.CommandLine;
using TuiProcManager.Linux.Files;
using TuiProcManager.Worker;

namespace TuiProcManager;

/// <summary>Entry point of <c>tuiproc</c>.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        if (WorkerEntry.IsWorkerName(Environment.GetCommandLineArgs()[0]))
        {
            return WorkerEntry.Run(args); // before anything else: the fork server forks this process (WorkerEntry)
        }

        // Buffered writers flushed by whoever writes (once per batch of output, see ConsolePrinter): the
        // default Console writers flush on every line, which a flooding worker turns into a write per line.
        // Not Console.OpenStandardOutput(): it pretends a write to a pipe whose reader is gone succeeded, so
        // `tuiproc run | head -2` never noticed (see DescriptorStream).
        UTF8Encoding utf8 = new(encoderShouldEmitUTF8Identifier: false);
        StreamWriter stdout = new(DescriptorStream.Borrowed(1), utf8, 64 * 1024) { AutoFlush = false };
        StreamWriter stderr = new(DescriptorStream.Borrowed(2), utf8, 4 * 1024) { AutoFlush = true };
        int code = await TuiprocCommand.InvokeAsync(args, stdout, stderr).ConfigureAwait(false);

        // Whatever is still buffered goes out now. A reader that never reads (`run` stopped by a signal while
        // its stdout was not read) must not keep us alive: the commands flushed what they had to, and a
        // flush that does not finish in a moment is abandoned with the process.
        Task flush = Task.Run(() =>
        {
            try
            {
                stdout.Dispose();
                stderr.Dispose();
            }
            catch (IOException)
            {
                // The output failed earlier and was reported then (a closed reader, a full disk).
            }
        });
        if (!flush.Wait(TimeSpan.FromSeconds(2)))
        {
            Environment.Exit(code);
        }

        return code;
    }
}
