using System.Buffers;
using System.Globalization;
using System.Reactive.Disposables;
using System.Text.Json;
using TuiProcManager.Core.Events;
using TuiProcManager.Core.Supervision;
using TuiProcManager.Core.Text;
using TuiProcManager.Labs.Sessions;

namespace TuiProcManager.Headless;

/// <summary>Writes the event stream to a file as JSON Lines (<c>--events FILE</c>), one event per line, every one.</summary>
/// <remarks>
/// <para>
/// A lossless consumer (<see cref="ISupervisor.LosslessEvents"/>) on a thread of its own: a file on a slow
/// disk, or a FIFO whose reader is slow, holds the workers back rather than losing lines. Each run of
/// events is flushed once, so that <c>tail -f</c> follows a run as it happens. In a lab the UI adds the
/// student's answers and hints (<see cref="Write(LabRecord)"/>): they are written on the same thread, in
/// turn with the events, so the UI thread never waits for the file and lines never interleave.
/// </para>
/// <para>
/// A write that fails (a full disk, a FIFO whose reader left) is said once, through <see cref="Failed"/>;
/// the events after it are not written, and the workers go on. A line is written whole or
/// the failure is in it: the file ends at most with one torn line, which <c>lab --check</c> tolerates.
/// </para>
/// </remarks>
internal sealed class EventLogWriter : IDisposable
{
    private readonly Stream _file;
    private const int SpillBytes = 64 * 1024;
    private readonly ArrayBufferWriter<byte> _buffer = new(2 * SpillBytes); // whole lines not yet handed to the file
    private readonly Utf8JsonWriter _json;
    private readonly TaskCompletionSource _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ConsumerThread? _thread;
    private readonly Action _flushFile; // one delegate, not one per event
    private long _written; // consumer thread only, as is everything below
    private bool _closed;

    /// <summary>Writes to <paramref name="file"/> (see <see cref="RunFiles"/>, which opens it), and closes it.</summary>
    /// <param name="file">The open file (a regular file, a FIFO, a device).</param>
    /// <param name="shownAs">How messages name it ("the events file run.jsonl").</param>
    public EventLogWriter(Stream file, string shownAs = "the events file")
    {
        _file = file;
        ShownAs = shownAs;
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { SkipValidation = true });
        _flushFile = FlushFile;
    }

    /// <summary>How messages name the file.</summary>
    public string ShownAs { get; }

    /// <summary>Completes when the stream has ended and the file is closed.</summary>
    public Task Completion => _completion.Task;

    /// <summary>The first write error, as one line for people; null while every write succeeded.</summary>
    public string? Problem { get; private set; }

    /// <summary>Called once, on the writer's thread, with <see cref="Problem"/> when the first write fails.</summary>
    public Action<string>? Failed { get; set; }

    /// <summary>Writes every event of <paramref name="supervisor"/> from now on (a snapshot first), on a thread of its own; dispose to stop.</summary>
    public IDisposable Attach(ISupervisor supervisor)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        return Attach(delivery => supervisor.LosslessEvents(ShownAs, delivery));
    }

    /// <summary>Writes every event of <paramref name="events"/>, delivered on the writer's thread (the scheduler it is given); dispose to stop.</summary>
    public IDisposable Attach(Func<System.Reactive.Concurrency.IScheduler, IObservable<SupervisorEvent>> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        ConsumerThread thread = _thread = new ConsumerThread("tuiproc-record");
        IDisposable subscription = events(thread.Scheduler).Subscribe(Write, Fail, Close);
        return new CompositeDisposable(subscription, Disposable.Create(() => thread.Post(Close)));
    }

    /// <summary>Closes the file once what is queued on the writer's thread is written (at once, if never attached).</summary>
    public void Dispose()
    {
        if (_thread is null || !_thread.Post(Close))
        {
            Close();
        }
    }

    /// <summary>Writes a lab record (an answer, a hint) as a line of its own, soon, from any thread.</summary>
    public void Write(LabRecord record) => _thread?.Post(() => WriteLine(null, record));

    private void Write(SupervisorEvent e) => WriteLine(e, null);

    /// <summary>Writes an event, or a lab record, as one line (one or the other; two parameters, so that no delegate is made per event).</summary>
    private void WriteLine(SupervisorEvent? e, LabRecord? record)
    {
        if (_closed)
        {
            return;
        }

        if (Problem is not null)
        {
            return; // said once, with how many events the record has
        }

        try
        {
            if (e is OutputLine line)
            {
                EventJson.WriteOutputLine(_json, line); // the flood's path, by hand
            }
            else if (e is not null)
            {
                JsonSerializer.Serialize(_json, e, EventJson.Event);
            }
            else
            {
                EventJson.WriteLabRecord(_json, record!);
            }

            // Into our buffer, not the file: Utf8JsonWriter.Flush on a Stream flushes the stream too, which
            // was a write(2) per event (500,000 of them for 500,000 lines, strace).
            _json.Flush();
            _json.Reset();
            _buffer.GetSpan(1)[0] = (byte)'\n';
            _buffer.Advance(1);
            _written++;
            if (_buffer.WrittenCount >= SpillBytes)
            {
                Spill();
            }

            _thread?.FlushSoon(_flushFile);
        }
        catch (IOException error)
        {
            Fail(error.Message);
        }
    }

    private void FlushFile()
    {
        if (_closed || Problem is not null)
        {
            return;
        }

        try
        {
            Spill();
            _file.Flush();
        }
        catch (IOException e)
        {
            Fail(e.Message);
        }
    }

    /// <summary>Hands the whole lines buffered so far to the file.</summary>
    private void Spill()
    {
        if (_buffer.WrittenCount > 0)
        {
            ReadOnlySpan<byte> lines = _buffer.WrittenSpan;
            _buffer.ResetWrittenCount(); // written or failed: either way not written twice
            _file.Write(lines);
        }
    }

    private void Fail(string message)
    {
        if (Problem is not null)
        {
            return;
        }

        Problem = string.Create(
            CultureInfo.InvariantCulture,
            $"cannot write {ShownAs}: {message.ReplaceLineEndings(" ").TrimEnd('.')}; the record stops after {Plural.Of(_written, "event")}, and the workers go on");
        Failed?.Invoke(Problem);
    }

    private void Fail(Exception error)
    {
        // Kept for Close, which completes: completed first, the stream's failure (a session that refused
        // the follow, a server gone) was lost, and `events --follow` ended with 0 and nothing said.
        _fault = error;
        Close();
    }

    private Exception? _fault;

    private void Close()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        try
        {
            if (Problem is null)
            {
                _json.Flush();
                Spill();
                _file.Flush();
            }
        }
        catch (IOException e)
        {
            Fail(e.Message);
        }

        // After a failure the stream still holds what it could not write, and tries again as it is
        // disposed: that second failure is the same one.
        try
        {
            _json.Dispose();
            _file.Dispose();
        }
        catch (IOException)
        {
        }
        finally
        {
            _thread?.Dispose();
            if (_fault is { } fault)
            {
                _completion.TrySetException(fault);
            }
            else
            {
                _completion.TrySetResult();
            }
        }
    }
}
