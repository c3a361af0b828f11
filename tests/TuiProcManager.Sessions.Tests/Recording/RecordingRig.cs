using System.Reactive.Linq;
using System.Reactive.Subjects;
using TuiProcManager.Core.Events;
using TuiProcManager.Sessions.Recording;
using TuiProcManager.Sessions.Server;

namespace TuiProcManager.Sessions.Tests.Recording;

/// <summary>
/// A recorder writing into a temporary directory, fed batches by the test (as the supervisor's lossless
/// stream hands them over, on the recorder's own thread), and the reader of what it wrote.
/// </summary>
internal sealed class RecordingRig : IDisposable
{
    public static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private readonly Subject<IReadOnlyList<SupervisorEvent>> _batches = new();
    private readonly HistoryLimits? _limits;

    public RecordingRig(RecorderSettings? settings = null, HistoryLimits? limits = null, Func<string, Stream>? open = null)
    {
        _limits = limits;
        Directory = System.IO.Path.Combine(Root, "lab-a-20261125T120000Z-4242");
        System.IO.Directory.CreateDirectory(Directory);
        Recorder = new SessionRecorder(Directory, "lab-a", EventBuilder.T0, 4242, settings, open, limits);
        Recorder.Start(thread => _batches.ObserveOn(thread));
    }

    public string Root { get; } = System.IO.Directory.CreateTempSubdirectory("tuiproc-rec-").FullName;

    public string Directory { get; }

    public SessionRecorder Recorder { get; }

    public bool Subscribed => _batches.HasObservers;

    public void Send(params SupervisorEvent[] batch) => _batches.OnNext(batch);

    /// <summary>Sends <paramref name="events"/> in batches of 1 to <paramref name="largest"/> events.</summary>
    public void SendInBatches(IReadOnlyList<SupervisorEvent> events, Random random, int largest = 64)
    {
        for (int i = 0; i < events.Count;)
        {
            int n = Math.Min(events.Count - i, random.Next(1, largest + 1));
            _batches.OnNext([.. events.Skip(i).Take(n)]);
            i += n;
        }
    }

    /// <summary>Ends the stream (the session ends) and waits for the recording to be closed.</summary>
    public async Task EndAsync(string why = "ended by a client")
    {
        Recorder.Ending(why);
        _batches.OnCompleted();
        await Recorder.Completion.WaitAsync(Bound);
    }

    public RecordingReader Open(string? path = null)
    {
        RecordingReader? reader = RecordingReader.Open(path ?? Directory, out string? refusal, _limits);
        Assert.True(reader is not null, refusal);
        Assert.Null(refusal);
        return reader;
    }

    public IReadOnlyList<string> Segments() => [.. System.IO.Directory.EnumerateFiles(Directory).Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        Recorder.Dispose();
        _batches.Dispose();
        try
        {
            System.IO.Directory.Delete(Root, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // a test removed it
        }
    }
}
