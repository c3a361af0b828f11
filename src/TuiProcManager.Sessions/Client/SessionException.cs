namespace TuiProcManager.Sessions.Client;

/// <summary>
/// A session could not be reached or talked to, or refused a request: the message is one line for people
/// ("no session named lab-2", "the session server went away", a version mismatch, "worker 3 is already paused").
/// </summary>
public sealed class SessionException : Exception
{
    /// <summary>A problem with its one line.</summary>
    public SessionException(string message)
        : base(message)
    {
    }

    /// <summary>A problem with its one line and its cause.</summary>
    public SessionException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>For serialisation frameworks; use the constructors with a message.</summary>
    public SessionException()
    {
    }

    /// <summary>True when the session refused the request (it is there and answered); false when it could not be reached.</summary>
    public bool Refused { get; init; }
}
