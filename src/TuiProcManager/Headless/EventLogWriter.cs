using System.Reactive.Linq;
using System.Text.Json;
using TuiProcManager.Core.Events;
using TuiProcManager.Labs.Sessions;

namespace TuiProcManager.Headless;

/// <summary>Writes the event stream to a file as JSON Lines (<c>--events FILE</c>), one event per line.</summary>
/// <remarks>
/// The file is readable and writable by its owner only: worker output may be private. Events are
/// written in batches (at most every 100 ms) and each batch is flushed to the file, so that
/// <c>tail -f</c> follows a run as it happens. In a lab the UI adds the student's answers and hints
/// (<see cref="Write(LabRecord)"/>, from the UI thread): one lock keeps each line whole.
/// </remarks>
internal sealed class EventLogWriter : IDisposable
{
    private readonly Lock _gate = new();
    private readonly Stream _file;
    private readonly Utf8JsonWriter _json;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Writes to <paramref name="file"/> (see <see cref="RunFiles"/>, which opens it), and closes it.</summary>
    public EventLogWriter(Stream file)
    {
        _file = file;
        _json = new Utf8JsonWriter(file, new JsonWriterOptions { SkipValidation = true });
    }

    /// <summary>Completes when the stream has ended and the file is closed.</summary>
    public Task Completion => _completion.Task;

    public IDisposable Attach(IObservable<SupervisorEvent> events) =>
        events.Buffer(TimeSpan.FromMilliseconds(100), 4096).Subscribe(WriteBatch, Fail, Close);

    public void Dispose() => Close();

    /// <summary>Writes a lab record (an answer, a hint) as a line of its own, at once.</summary>
    public void Write(LabRecord record)
    {
        lock (_gate)
        {
            if (_completion.Task.IsCompleted)
            {
                return; // closed: the run is over
            }

            EventJson.WriteLabRecord(_json, record);
            EndLine();
            _file.Flush();
        }
    }

    private void WriteBatch(IList<SupervisorEvent> batch)
    {
        lock (_gate)
        {
            foreach (SupervisorEvent e in batch)
            {
                JsonSerializer.Serialize(_json, e, EventJson.Options);
                EndLine();
            }

            if (batch.Count > 0)
            {
                _file.Flush();
            }
        }
    }

    private void EndLine()
    {
        _json.Flush();
        _json.Reset();
        _file.WriteByte((byte)'\n');
    }

    private void Fail(Exception error)
    {
        Close();
        _completion.TrySetException(error);
    }

    private void Close()
    {
        lock (_gate)
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
}
