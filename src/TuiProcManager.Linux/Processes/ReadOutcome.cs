namespace TuiProcManager.Linux.Processes;

/// <summary>What one read of an output pipe found.</summary>
internal enum ReadOutcome
{
    /// <summary>The buffer was filled: there may be more now.</summary>
    More,

    /// <summary>Nothing more for now; epoll reports the pipe again when there is.</summary>
    Drained,

    /// <summary>End of file, or an error that makes the pipe unusable: close it.</summary>
    Closed,
}
