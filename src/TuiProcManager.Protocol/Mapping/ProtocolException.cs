namespace TuiProcManager.Protocol;

/// <summary>
/// A message of the session protocol that does not map to Core's types: an enum value this build does not
/// know, a required message left unset, a value Core refuses (a square's N that is not a whole number, a
/// workload out of range, a command without a program).
/// </summary>
/// <remarks>
/// <see cref="Exception.Message"/> is one line for people that names the field by its path in the message
/// and the problem, e.g. <c>worker_spawned.spec: missing</c> or
/// <c>spec.number: N must be an integer, got 'abc'</c>. A server answers it with INVALID_ARGUMENT and that
/// line; a client says it as it is.
/// </remarks>
public sealed class ProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ProtocolException()
    {
    }

    /// <summary>Creates the exception with a one-line message naming the field and the problem.</summary>
    public ProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line message and the error Core raised for it.</summary>
    public ProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
