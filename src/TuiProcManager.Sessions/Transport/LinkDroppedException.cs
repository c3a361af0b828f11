namespace TuiProcManager.Sessions.Transport;

/// <summary>
/// The stream a channel runs over (<see cref="SessionChannel.ForStream"/>) ended, and its owner knows why
/// (ssh failed, the link to another host dropped): the message is that one line for people, which
/// <see cref="ConnectionProblem.Describe"/> gives in place of "the session server went away".
/// </summary>
public sealed class LinkDroppedException : IOException
{
    /// <summary>A dropped link with its one line.</summary>
    public LinkDroppedException(string message)
        : base(message)
    {
    }

    /// <summary>A dropped link with its one line and its cause.</summary>
    public LinkDroppedException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>For serialisation frameworks; use the constructors with a message.</summary>
    public LinkDroppedException()
    {
    }
}
