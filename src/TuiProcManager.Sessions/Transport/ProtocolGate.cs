using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using TuiProcManager.Protocol;

namespace TuiProcManager.Sessions.Transport;

/// <summary>
/// Middleware in front of every call of the session's user: the answer carries this server's
/// <see cref="CallHeaders.Protocol"/> header, and a call of another major version is refused in one line
/// naming both versions (<see cref="ProtocolVersion.Mismatch"/>) before any service sees it: a call of
/// another proto package (<c>tuiproc.session.v2.Session/…</c>: UNIMPLEMENTED, as the proto promises, but
/// said), or one whose header says another major (FAILED_PRECONDITION, as Hello's refusal).
/// </summary>
/// <remarks>
/// Another user's calls pass through untouched, to be refused by <see cref="PeerAccessInterceptor"/> (or
/// answered a bare UNIMPLEMENTED): a stranger learns nothing, not even the version. Calls without the header
/// (a script with stubs of its own) are taken at their package's word.
/// </remarks>
internal static partial class ProtocolGate
{
    /// <summary>The middleware, for <c>app.Use</c>.</summary>
    public static RequestDelegate Check(RequestDelegate next) => context =>
    {
        PeerAccess access = context.RequestServices.GetRequiredService<PeerAccess>();
        // A stranger learns nothing; a spectator (a read-only grant) is told the version like the owner.
        if (context.Features.Get<PeerCredentials>() is not { } peer || access.RoleOf(peer) == PeerRole.None)
        {
            return next(context);
        }

        context.Response.Headers[CallHeaders.Protocol] = ProtocolVersion.This.Header;
        PeerVersion? said = PeerVersion.Parse(context.Request.Headers[CallHeaders.Protocol]);
        uint? package = PackageMajor(context.Request.Path.Value);
        if (package is { } major && major != ProtocolVersion.Major)
        {
            return Refuse(context, StatusCode.Unimplemented, Mismatch(major, said?.Program));
        }

        if (said is not null && said.Major != ProtocolVersion.Major)
        {
            return Refuse(context, StatusCode.FailedPrecondition, Mismatch(said.Major, said.Program));
        }

        return next(context);
    };

    private static string Mismatch(uint clientMajor, string? clientProgram) =>
        ProtocolVersion.Mismatch(clientMajor, clientProgram, ProtocolVersion.Major, ProtocolVersion.Program)!;

    /// <summary>The major version in a call's path, <c>/tuiproc.session.vN.Service/Method</c>; null for any other path.</summary>
    private static uint? PackageMajor(string? path) =>
        path is not null && SessionPackage().Match(path) is { Success: true } m
            && uint.TryParse(m.Groups[1].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out uint major)
            ? major
            : null;

    /// <summary>
    /// Answers the call as gRPC does a call that fails before any message: a trailers-only response (the
    /// status in the headers, no body), which every gRPC client reads as that status.
    /// </summary>
    private static Task Refuse(HttpContext context, StatusCode status, string line)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/grpc";
        context.Response.Headers["grpc-status"] = ((int)status).ToString(CultureInfo.InvariantCulture);
        context.Response.Headers["grpc-message"] = PercentEncoded(line);
        return Task.CompletedTask;
    }

    /// <summary>grpc-message's encoding: printable ASCII but '%' as it is, every other UTF-8 byte as %XX.</summary>
    private static string PercentEncoded(string line)
    {
        StringBuilder encoded = new(line.Length);
        foreach (byte b in Encoding.UTF8.GetBytes(line))
        {
            _ = b is >= 0x20 and <= 0x7E and not (byte)'%'
                ? encoded.Append((char)b)
                : encoded.Append(CultureInfo.InvariantCulture, $"%{b:X2}");
        }

        return encoded.ToString();
    }

    [GeneratedRegex(@"^/tuiproc\.session\.v(\d{1,9})\.")]
    private static partial Regex SessionPackage();
}
