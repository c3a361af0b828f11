using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;

namespace TuiProcManager.Sessions.Class;

/// <summary>
/// <c>tuiproc bridge --class</c>, run through ssh by a teacher's class view on another host: the sessions
/// here shared with the user it runs as, a snapshot a second (<see cref="ClassSnapshot"/>), until ssh closes
/// its stdin or its stdout.
/// </summary>
internal static class BridgeClass
{
    /// <summary>How often a snapshot is written.</summary>
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    /// <summary>Writes the version, then snapshots, until <paramref name="inputEnded"/> completes or a write fails.</summary>
    public static async Task RunAsync(Stream output, Task inputEnded, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(inputEnded);
        ArgumentNullException.ThrowIfNull(clock);
        await using SharedWithMe shared = new(Environment.GetEnvironmentVariable);
        using CancellationTokenSource stop = new();
        _ = inputEnded.ContinueWith(_ => stop.Cancel(), TaskScheduler.Default);
        try
        {
            await WriteAsync(output, new HelloReply { Major = ProtocolVersion.Major, Revision = ProtocolVersion.Revision, Server = ProtocolVersion.Program }).ConfigureAwait(false);
            while (!stop.IsCancellationRequested)
            {
                DateTimeOffset started = clock.GetUtcNow();
                ClassSnapshot snapshot = new() { Now = Timestamp.FromDateTimeOffset(started) };
                snapshot.Sessions.Add(await shared.RefreshAsync(stop.Token).ConfigureAwait(false));
                snapshot.Gone.Add(shared.Gone);
                await WriteAsync(output, snapshot).ConfigureAwait(false);
                TimeSpan rest = Every - (clock.GetUtcNow() - started);
                await Task.Delay(rest > TimeSpan.Zero ? rest : TimeSpan.Zero, stop.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            // ssh closed our stdin: the class view left.
        }
        catch (IOException)
        {
            // ssh closed our stdout (EPIPE): the same.
        }
    }

    private static async Task WriteAsync(Stream output, IMessage message)
    {
        using MemoryStream buffer = new();
        message.WriteDelimitedTo(buffer);
        await output.WriteAsync(buffer.ToArray()).ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
    }
}
