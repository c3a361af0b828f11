namespace TuiProcManager.Linux.Processes;

/// <summary>
/// The I/O loop's holds: a lossless consumer that falls behind asks, from any thread, that a process's
/// pipes be left unread; this thread takes them out of the epoll set and puts them back (see the overview
/// in IoLoop.cs).
/// </summary>
internal sealed partial class IoLoop
{
    /// <summary>Any thread: asks this thread to stop or resume reading the process's pipes.</summary>
    private void RequestHold(ProcessWatch watch, bool held)
    {
        watch.HoldRequested = held;
        _holdChanges.Enqueue(watch);
        _epoll.Wake();
    }

    private void ApplyHoldChanges()
    {
        while (_holdChanges.TryDequeue(out ProcessWatch? watch))
        {
            ApplyHold(watch);
        }
    }

    /// <summary>Brings the pipes' place in the epoll set in line with what is asked, and says so.</summary>
    private void ApplyHold(ProcessWatch watch)
    {
        bool held = watch.HoldRequested;
        if (held == watch.Held)
        {
            return;
        }

        watch.Held = held;
        foreach (OutputPipe pipe in watch.Pipes)
        {
            if (pipe.IsOpen)
            {
                // DEL cannot fail for a watched fd; ADD can (ENOMEM), and a pipe it fails for would never
                // be read again, so that one is closed, losing what is in it, rather than hanging its
                // process's end forever.
                if (held)
                {
                    _epoll.Remove(pipe.Fd);
                }
                else if (!_epoll.Add(pipe.Fd, pipe.Key))
                {
                    List<string> lines = [];
                    Unwatch(pipe.Key, pipe.Fd);
                    pipe.Close(lines);
                    Deliver(watch, pipe.Channel, lines);
                }
            }
        }

        if (!held && watch.Exit is not null)
        {
            _draining.StartDeadline(watch);
        }

        watch.Events.OnOutputHeld(held);
        if (!held)
        {
            TryComplete(watch);
        }
    }
}
