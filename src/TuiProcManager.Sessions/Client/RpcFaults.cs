using Grpc.Core;
using TuiProcManager.Protocol;
using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions.Client;

/// <summary>
/// The server's refusals back as the exceptions <see cref="Core.Supervision.ISupervisor"/> promises:
/// INVALID_ARGUMENT is an <see cref="ArgumentException"/>, a session that is ending an
/// <see cref="ObjectDisposedException"/>; any other refusal, and a server that cannot be reached, a
/// <see cref="SessionException"/> with its one line.
/// </summary>
public static class RpcFaults
{
    /// <summary>Runs a call; its RpcException as the exception ISupervisor promises.</summary>
    public static async Task<T> Call<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RpcException e)
        {
            throw Translate(e);
        }
    }

    /// <summary>The exception ISupervisor promises for a call that failed with <paramref name="e"/>.</summary>
    public static Exception Translate(RpcException e) => e.StatusCode switch
    {
        StatusCode.InvalidArgument => new ArgumentException(e.Status.Detail),
        StatusCode.FailedPrecondition when e.Status.Detail == StatusLines.SessionEnding => new ObjectDisposedException("session", StatusLines.SessionEnding),
        StatusCode.FailedPrecondition or StatusCode.PermissionDenied => new SessionException(e.Status.Detail, e) { Refused = true },
        StatusCode.Cancelled => new OperationCanceledException(e.Status.Detail, e),
        _ => new SessionException(ConnectionProblem.Describe(e), e),
    };
}
