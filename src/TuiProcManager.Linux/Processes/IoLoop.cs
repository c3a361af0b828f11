using System.Collections.Concurrent;
using TuiProcManager.Core.Os;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Processes;

/// <summary>
/// One thread that reads every child's stdout, stderr and results pipe and notices every exit, with one
/// epoll set.
/// </summary>
/// <remarks>
/// <para>
/// Why one thread: reading a pipe from .NET's streams blocks a thread-pool thread per pipe (two per
/// worker), which starves the pool on a 2-core machine with 100 workers. Here all pipes are non-blocking
/// and a single epoll_wait serves every worker. Whatever a child writes is read at once unless its output
/// is held (below); each wake-up reads at most <see cref="ReadBudget"/> bytes per pipe so that one
/// flooding worker cannot starve the others.
/// </para>
/// <para>
/// Exits: each child's pidfd is in the same epoll set and becomes readable when the child ends. The
/// child is then reaped (<see cref="PidfdProcess.Reap"/>), its stdin pipe closed, and its end is
/// reported after all of its output pipes (results included) reach end of file, so that
/// <see cref="IProcessEvents.OnExited"/> always comes after the last line and the last result; a pipe
/// still held open by something that escaped the process group is closed after
/// <see cref="LinuxProcessOptions.ExitDrainTimeout"/> (<see cref="ExitDrains"/>). After each exit the
/// <see cref="StraySweeper"/> (when attached) looks for what the process left outside its group, on this
/// thread.
/// </para>
/// <para>
/// Holds: a lossless consumer that falls behind asks (through <see cref="PidfdProcess.HoldOutput"/>, from
/// any thread) that a process's pipes be left unread, so that the process blocks in write() once they
/// are full. The request is a flag plus a wake-up; this thread takes the pipes out of the epoll set (not
/// merely masked: a pipe whose writer closed reports EPOLLHUP whatever the mask, which would spin) and
/// puts them back when the hold ends. Reading stops within one <see cref="ChunkBytes"/> read of the
/// request, and the drain deadline after an exit counts only while the pipes are read.
/// </para>
/// <para>
/// Threads: <see cref="Add"/> runs on the spawning thread; everything else on the I/O thread. A
/// registration is in <see cref="_registrations"/> before its fd is in the epoll set, so no event can
/// arrive for an unknown key. epoll data holds a key, never an fd, so a closed and reused fd number can
/// never be mistaken for another.
/// </para>
/// </remarks>
internal sealed partial class IoLoop : IDisposable
{
    private const int ReadBudget = 256 * 1024;
    private const int ChunkBytes = 64 * 1024;
    private const int MaxEvents = 64;

    /// <summary>
    /// Line limit of the results pipe whatever <see cref="LinuxProcessOptions.MaxLineBytes"/> says: a result
    /// is never cut. The longest record is the cube of a 120,000-digit N: 360,000 digits plus the input,
    /// about 480 KB; 1 MiB and a margin leaves room for larger limits of N later.
    /// </summary>
    internal const int MinResultLineBytes = (1024 * 1024) + (64 * 1024);

    private readonly ConcurrentDictionary<long, Registration> _registrations = new();
    private readonly ExitDrains _draining;
    private readonly ConcurrentQueue<ProcessWatch> _holdChanges = new(); // asked on any thread, applied on this one (IoLoop.Holds.cs)
    private readonly LinuxProcessOptions _options;
    private readonly EpollSet _epoll = new();
    private readonly Thread _thread;
    private long _nextKey = EpollSet.WakeKey;
    private volatile bool _stopping;
    private volatile StraySweeper? _strays;

    private sealed record Registration(ProcessWatch Watch, OutputPipe? Pipe);

    public IoLoop(LinuxProcessOptions options)
    {
        _options = options;
        _draining = new ExitDrains(options.ExitDrainTimeout);
        _thread = new Thread(Run) { Name = "tuiproc-io", IsBackground = true };
        _thread.Start();
    }

    /// <summary>
    /// Follows a started process: its output pipes (read ends, non-blocking; at least stdout and stderr,
    /// and the results pipe when there is one) and its pidfd. The pipes are ours from here on: closed at
    /// end of file, at the drain deadline or by <see cref="Dispose"/>.
    /// </summary>
    /// <param name="process">The process.</param>
    /// <param name="events">Where its output and exit go.</param>
    /// <param name="pipes">Its output pipes.</param>
    /// <param name="launch">Its launch number for the <see cref="StraySweeper"/>, which sweeps after it ends; 0: none.</param>
    /// <exception cref="LaunchException">The epoll set refused the fds (out of memory or watch limit); the fds are then still the caller's.</exception>
    public void Add(PidfdProcess process, IProcessEvents events, IReadOnlyList<(int Fd, OutputChannel Channel)> pipes, long launch = 0)
    {
        OutputPipe[] watched = [.. pipes.Select(p => new OutputPipe(p.Fd, p.Channel, MaxLineBytes(p.Channel), Interlocked.Increment(ref _nextKey)))];
        ProcessWatch watch = new(process, events, watched) { ExitKey = Interlocked.Increment(ref _nextKey), Launch = launch };
        foreach (OutputPipe pipe in watched)
        {
            _registrations[pipe.Key] = new Registration(watch, pipe);
        }

        _registrations[watch.ExitKey] = new Registration(watch, null);
        process.OutputHold = held => RequestHold(watch, held);
        if (!watched.All(p => _epoll.Add(p.Fd, p.Key)) || !_epoll.Add(process.Pidfd, watch.ExitKey))
        {
            // Fds already added leave the epoll set when the caller closes them; events already queued
            // for them find no registration and are dropped.
            int errno = Libc.LastErrno;
            foreach (OutputPipe pipe in watched)
            {
                _registrations.TryRemove(pipe.Key, out _);
            }

            _registrations.TryRemove(watch.ExitKey, out _);
            process.OutputHold = null;
            throw new LaunchException("cannot watch the new process: epoll_ctl failed: " + Libc.Describe(errno));
        }
    }

    /// <summary>
    /// Hands the I/O thread the sweeper that ends what workers leave behind: it sweeps after each exit,
    /// on this thread. Set once, by the launcher, before its first start.
    /// </summary>
    public void Attach(StraySweeper strays) => _strays = strays;

    public void Dispose()
    {
        if (_stopping)
        {
            return;
        }

        _stopping = true;
        _epoll.Wake();
        _thread.Join(TimeSpan.FromSeconds(5));
        foreach (Registration r in _registrations.Values)
        {
            if (r.Pipe is { IsOpen: true } pipe)
            {
                pipe.Close([]);
            }
        }

        _strays?.Dispose(); // after the thread: sweeps run on it
        _epoll.Dispose();
    }

    private int MaxLineBytes(OutputChannel channel) =>
        channel == OutputChannel.Results ? Math.Max(_options.MaxLineBytes, MinResultLineBytes) : _options.MaxLineBytes;

    private void Unwatch(long key, int fd)
    {
        _registrations.TryRemove(key, out _);
        _epoll.Remove(fd);
    }

    private void Run()
    {
        Span<long> keys = stackalloc long[MaxEvents];
        byte[] buffer = new byte[ChunkBytes];
        List<string> lines = [];
        while (!_stopping)
        {
            int n = _epoll.Wait(keys, NextTimeoutMs());
            foreach (long key in keys[..n])
            {
                if (_registrations.TryGetValue(key, out Registration? r))
                {
                    if (r.Pipe is { } pipe)
                    {
                        OnReadable(r.Watch, pipe, buffer, lines);
                    }
                    else
                    {
                        OnExit(r.Watch);
                    }
                }
            }

            ApplyHoldChanges();
            CloseExpiredDrains(lines);
            _strays?.SweepIfDue();
        }
    }

    private void OnReadable(ProcessWatch watch, OutputPipe pipe, byte[] buffer, List<string> lines)
    {
        // Each read's lines are delivered before the next read, and a hold asked for meanwhile (the
        // consumer decides as the lines reach it) stops the reading there.
        ReadOutcome outcome = ReadOutcome.More;
        for (int read = 0; read < ReadBudget / ChunkBytes && outcome == ReadOutcome.More && !watch.HoldRequested; read++)
        {
            outcome = pipe.ReadOnce(buffer, lines);
            if (outcome == ReadOutcome.Closed)
            {
                Unwatch(pipe.Key, pipe.Fd);
                pipe.Close(lines);
            }

            Deliver(watch, pipe.Channel, lines);
        }

        if (outcome == ReadOutcome.Closed)
        {
            TryComplete(watch);
        }
        else if (watch.HoldRequested)
        {
            ApplyHold(watch);
        }
    }

    private void OnExit(ProcessWatch watch)
    {
        int pidfd = watch.Process.Pidfd;
        if (watch.Process.Reap() is not { } exit)
        {
            return; // spurious: not ended yet
        }

        Unwatch(watch.ExitKey, pidfd);
        watch.Process.ClosePidfd();
        // Reaped, and its group killed: nothing left in it can read stdin (something that escaped the group
        // may, and loses its input). Closing now frees the fd and makes WriteInput fail from here on,
        // without waiting for the owner's Dispose.
        watch.Process.CloseInput();
        watch.Exit = exit;
        if (watch.Launch != 0 && _strays is { } strays)
        {
            // Sweep before waiting for the pipes: a stray that holds one open would otherwise hold up
            // the end until the drain deadline.
            strays.Ended(watch.Launch);
            strays.SweepIfDue();
        }

        _draining.StartDeadline(watch);
        if (!TryComplete(watch))
        {
            _draining.Add(watch);
        }
    }

    /// <summary>Reports the exit once it is known and every pipe is closed.</summary>
    private bool TryComplete(ProcessWatch watch)
    {
        if (watch.Exit is not { } exit || !watch.PipesClosed)
        {
            return false;
        }

        _draining.Remove(watch);
        watch.Events.OnExited(exit);
        return true;
    }

    /// <summary>Pipes held open after the exit by something outside the process group: stop waiting for them.</summary>
    private void CloseExpiredDrains(List<string> lines)
    {
        foreach (ProcessWatch watch in _draining.Expired())
        {
            foreach (OutputPipe pipe in watch.Pipes)
            {
                if (pipe.IsOpen)
                {
                    Unwatch(pipe.Key, pipe.Fd);
                    pipe.Close(lines);
                    Deliver(watch, pipe.Channel, lines);
                }
            }

            TryComplete(watch);
        }
    }

    private int NextTimeoutMs()
    {
        int sweep = _strays?.NextTimeoutMs() ?? -1;
        int drain = _draining.NextTimeoutMs();
        return sweep < 0 ? drain : drain < 0 ? sweep : Math.Min(sweep, drain);
    }

    /// <summary>Hands lines to the process's listener; the list is reused afterwards.</summary>
    private static void Deliver(ProcessWatch watch, OutputChannel channel, List<string> lines)
    {
        if (lines.Count > 0)
        {
            watch.Events.OnOutput(channel, lines);
            lines.Clear();
        }
    }
}
