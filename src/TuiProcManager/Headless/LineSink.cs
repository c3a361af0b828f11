using System.Globalization;
using System.Text;
using TuiProcManager.Core.Text;
using TuiProcManager.Linux.Files;

namespace TuiProcManager.Headless;

/// <summary>
/// One of <c>run</c>'s outputs (stdout or stderr), written a line at a time by several threads, that
/// never throws: the first write error is remembered and said once by the caller, and what comes after
/// it is counted, not written.
/// </summary>
/// <remarks>
/// <para>
/// Two ways in. The printing thread, which writes a flood, <see cref="Append"/>s to a buffer of its own
/// without a lock and hands it over with <see cref="FlushAppended"/> once per run of events (a lock per
/// line, with the writer's and the queue's, was 18% of all perf samples under a flood). Everyone else (the runner's messages, <c>Done!</c>)
/// uses <see cref="WriteLine"/>, under the lock; the printer flushes what it appended before it tells the
/// runner that every worker has ended, so <c>Done!</c> comes after the last line.
/// </para>
/// <para>
/// A write blocks while the reader does not read: that is the back-pressure that holds the workers (see
/// <c>ISupervisor.LosslessEvents</c>), and why only the consumer threads write here, and the runner's few
/// lines.
/// </para>
/// </remarks>
internal sealed class LineSink(TextWriter writer, string name)
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _appended = new(); // the printing thread's, until FlushAppended
    private long _appendedLines;
    private long _written; // lines handed to the writer
    private long _delivered; // lines known to have left it (at the last successful flush)
    private long _lost;
    private volatile bool _failed;

    /// <summary>"stdout" or "stderr".</summary>
    public string Name { get; } = name;

    /// <summary>The first write error, as one line ("broken pipe: its reader closed it"); null while every write succeeded.</summary>
    public string? Problem { get; private set; }

    /// <summary>The write failed because every reader is gone (EPIPE): what a Unix filter dies of.</summary>
    public bool ReaderGone { get; private set; }

    /// <summary>Lines that were, or may have been, lost: written after the failure, or buffered when it came.</summary>
    public long LinesLost
    {
        get
        {
            lock (_lock)
            {
                return _lost;
            }
        }
    }

    /// <summary>Lines delivered before the failure (all of them while there is none).</summary>
    public long LinesDelivered
    {
        get
        {
            lock (_lock)
            {
                return _delivered;
            }
        }
    }

    /// <summary>Called once, on the writing thread, when the first write fails.</summary>
    public Action<LineSink>? Failed { get; set; }

    /// <summary>The printing thread only: a line, buffered without a lock until <see cref="FlushAppended"/>.</summary>
    public void Append(string line)
    {
        _appendedLines++; // counted as lost by FlushAppended if the output has failed
        if (!_failed)
        {
            _appended.Append(line).Append('\n');
        }
    }

    /// <summary>The printing thread only: writes what it appended, and flushes.</summary>
    public void FlushAppended()
    {
        Action<LineSink>? failed = null;
        lock (_lock)
        {
            if (Problem is not null)
            {
                _lost += _appendedLines;
            }
            else
            {
                try
                {
                    foreach (ReadOnlyMemory<char> chunk in _appended.GetChunks())
                    {
                        writer.Write(chunk.Span);
                    }

                    _written += _appendedLines;
                    writer.Flush();
                    _delivered = _written;
                }
                catch (IOException e)
                {
                    _written += _appendedLines;
                    failed = Fail(e);
                }
            }
        }

        _appended.Clear();
        _appendedLines = 0;
        failed?.Invoke(this);
    }

    /// <summary>Any thread: a line, written at once (flushed by <see cref="Flush"/>, or as the writer's buffer fills).</summary>
    public void WriteLine(string line)
    {
        Action<LineSink>? failed = null;
        lock (_lock)
        {
            if (Problem is not null)
            {
                _lost++;
                return;
            }

            try
            {
                writer.WriteLine(line);
                _written++;
            }
            catch (IOException e)
            {
                _written++;
                failed = Fail(e);
            }
        }

        failed?.Invoke(this);
    }

    /// <summary>Writes what <see cref="WriteLine"/> buffered; false once the output has failed.</summary>
    public bool Flush()
    {
        Action<LineSink>? failed = null;
        lock (_lock)
        {
            if (Problem is not null)
            {
                return false;
            }

            try
            {
                writer.Flush();
                _delivered = _written;
                return true;
            }
            catch (IOException e)
            {
                failed = Fail(e);
            }
        }

        failed?.Invoke(this);
        return false;
    }

    /// <summary>One line for people: what went wrong and what it cost.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name}: {Problem} after {Plural.Of(LinesDelivered, "line")}; {Plural.Of(LinesLost, "line")} {(LinesLost == 1 ? "was" : "were")} not written");

    private Action<LineSink>? Fail(IOException e)
    {
        ReaderGone = DescriptorStream.IsBrokenPipe(e);
        Problem = ReaderGone ? "broken pipe (its reader closed it)" : e.Message.ReplaceLineEndings(" ").TrimEnd('.');
        _lost += _written - _delivered;
        _failed = true;
        return Failed;
    }
}
