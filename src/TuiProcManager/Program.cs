using System.Text;
using TuiProcManager.CommandLine;

namespace TuiProcManager;

/// <summary>Entry point of <c>tuiproc</c>.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        // Buffered writers flushed by whoever writes (once per batch of output, see ConsolePrinter): the
        // default Console writers flush on every line, which a flooding worker turns into a write per line.
        UTF8Encoding utf8 = new(encoderShouldEmitUTF8Identifier: false);
        await using StreamWriter stdout = new(Console.OpenStandardOutput(), utf8, 64 * 1024) { AutoFlush = false };
        await using StreamWriter stderr = new(Console.OpenStandardError(), utf8, 4 * 1024) { AutoFlush = true };
        return await TuiprocCommand.InvokeAsync(args, stdout, stderr).ConfigureAwait(false);
    }
}
