using Grpc.Core;
using TuiProcManager.Protocol;

namespace TuiProcManager.Sessions.Server;

/// <summary>
/// How the supervisor's refusals travel: a request that is not valid (<see cref="ArgumentException"/>, a
/// message that does not map, <see cref="ProtocolException"/>) is INVALID_ARGUMENT; a session that is
/// ending refuses new work with FAILED_PRECONDITION. The status message is the one line for people.
/// </summary>
internal static class Refusals
{
    public static async Task<T> Run<T>(Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (ProtocolException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, e.Message));
        }
        catch (ArgumentException e)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, OneLine(e)));
        }
        catch (ObjectDisposedException)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, StatusLines.SessionEnding));
        }
    }

    public static RpcException Refused(string why) => new(new Status(StatusCode.FailedPrecondition, why));

    /// <summary>An ArgumentException's message without the " (Parameter 'x')" .NET appends.</summary>
    private static string OneLine(ArgumentException e)
    {
        string message = e.Message;
        int parameter = e.ParamName is null ? -1 : message.LastIndexOf(" (Parameter '", StringComparison.Ordinal);
        return (parameter > 0 ? message[..parameter] : message).ReplaceLineEndings(" ");
    }
}
