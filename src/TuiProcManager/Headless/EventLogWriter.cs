using System.Reactive.Linq;
using System.Text.Json;
using TuiProcManager.Core.Events;

namespace TuiProcManager.Headless;

/// <summary>Writes the event stream to a file as JSON Lines (<c>--events FILE</c>), one event per line.</summary>
/// <remarks>
/// The file is readable and writable by its owner only: worker output may be private. Events are
/// written in batches (at most every 100 ms) and each batch is flushed to the file, so that
/// <c>tail -f</c> follows a run as it happens.
/// </remarks>
internal sealed class EventLogWriter : IDisposable
{
    private readonly FileStream _file;
    private readonly Utf8JsonWriter _json;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Writes to <paramref name="file"/> (see <see cref="RunFiles"/>, which opens it), and closes it.</summary>
    public EventLogWriter(FileStream file)
    {
        _file = file;
        _json = new Utf8JsonWriter(file, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>Completes when the stream has ended and the file is closed.</summary>
    public Task Completion => _completion.Task;

    public IDisposable Attach(IObservable<SupervisorEvent> events) =>
        events.Buffer(TimeSpan.FromMilliseconds(100), 4096).Subscribe(WriteBatch, Fail, Close);

    public void Dispose() => Close();

    private void WriteBatch(IList<SupervisorEvent> batch)
    {
        foreach (SupervisorEvent e in batch)
        {
            JsonSerializer.Serialize(_json, e, EventJson.Options);
            _json.Flush();
            _json.Reset();
            _file.WriteByte((byte)'\n');
        }

        if (batch.Count > 0)
        {
            _file.Flush();
        }
    }

    private void Fail(Exception error)
    {
        Close();
        _completion.TrySetException(error);
    }

    private void Close()
    {
        if (_completion.Task.IsCompleted)
        {
            return;
        }

        _json.Dispose();
        _file.Dispose();
        _completion.TrySetResult();
    }
}
