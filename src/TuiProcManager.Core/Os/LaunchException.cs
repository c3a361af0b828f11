namespace TuiProcManager.Core.Os;

/// <summary>The OS refused to start a process; <see cref="Exception.Message"/> says why, in one line.</summary>
public sealed class LaunchException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LaunchException()
    {
    }

    /// <summary>Creates the exception with a one-line reason.</summary>
    public LaunchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a one-line reason and its cause.</summary>
    public LaunchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
