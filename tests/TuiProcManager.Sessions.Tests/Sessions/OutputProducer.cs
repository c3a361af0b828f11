using System.Globalization;
using TuiProcManager.Core.Os;

namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>Output of one fake process, as its launcher's I/O thread reports it: lines numbered "1", "2"…, one producer at a time.</summary>
internal static class OutputProducer
{
    /// <summary>Lines <paramref name="from"/> to <paramref name="to"/> (their numbers as text), <paramref name="perRead"/> to a report.</summary>
    public static void Emit(FakeOs os, int pid, int from, int to, int perRead = 10)
    {
        for (int first = from; first <= to; first += perRead)
        {
            int count = Math.Min(perRead, to - first + 1);
            os.EventsOf(pid).OnOutput(OutputChannel.Stdout, [.. Enumerable.Range(first, count).Select(Text)]);
        }
    }

    /// <summary>Lines <paramref name="from"/> to <paramref name="to"/>, yielding between reports so that others run meanwhile.</summary>
    public static async Task EmitYieldingAsync(FakeOs os, int pid, int from, int to, int perRead = 10)
    {
        for (int first = from; first <= to; first += perRead)
        {
            Emit(os, pid, first, Math.Min(to, first + perRead - 1), perRead);
            await Task.Yield();
        }
    }

    /// <summary>The texts "1" to "<paramref name="count"/>".</summary>
    public static IEnumerable<string> Texts(int count) => Enumerable.Range(1, count).Select(Text);

    private static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}
