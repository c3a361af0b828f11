using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace TuiProcManager.Sessions.Transport;

/// <summary>
/// Builds the web host of a session server: Kestrel on one Unix socket (two for a session that may be
/// shared: <see cref="SessionSharing"/>), HTTP/2 only, the gRPC service
/// behind the peer check and the protocol version's (<see cref="ProtocolGate"/>), and nothing else.
/// </summary>
/// <remarks>
/// The empty builder reads no configuration at all (no environment variables, no appsettings.json, no
/// command line) and adds no logging provider; the URL settings are pinned empty anyway, so that nothing
/// like ASPNETCORE_URLS or ASPNETCORE_PREFERHOSTINGURLS could ever add a TCP listener.
/// </remarks>
internal static class SessionHost
{
    /// <summary>The gRPC service's members that binding and activation reach by reflection.</summary>
    public const DynamicallyAccessedMemberTypes ServiceMembers =
        DynamicallyAccessedMemberTypes.PublicConstructors | DynamicallyAccessedMemberTypes.PublicMethods | DynamicallyAccessedMemberTypes.NonPublicMethods;

    /// <summary>A host, not started, serving <paramref name="service"/> on <paramref name="socketPath"/>.</summary>
    public static WebApplication Build<[DynamicallyAccessedMembers(ServiceMembers)] TService>(
        string socketPath, TService service, SessionSocketServerOptions options)
        where TService : class
    {
        PeerAccess access = new(options.AllowedUid, options.Sharing);
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SessionHost).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        builder.WebHost
            .UseSetting(WebHostDefaults.ServerUrlsKey, string.Empty)
            .UseSetting(WebHostDefaults.HttpPortsKey, string.Empty)
            .UseSetting(WebHostDefaults.HttpsPortsKey, string.Empty)
            .PreferHostingUrls(false)
            .UseKestrelCore()
            .ConfigureKestrel(kestrel =>
            {
                kestrel.AddServerHeader = false;
                // Only the session's user can connect, so the data rate limits that defend a public server
                // against slow peers only hurt here: a Watch whose reader pauses (lossless delivery behind a
                // pager) must not be cut off for reading slowly. The idle connection limit stays: an
                // infinite KeepAliveTimeout makes Kestrel's HTTP/2 close every connection about a second
                // after it opens (seen here); a bridged channel's client pings instead (SessionChannel).
                kestrel.Limits.MinResponseDataRate = null;
                kestrel.Limits.MinRequestBodyDataRate = null;
                foreach (string path in new[] { socketPath, options.Sharing.SocketPath }.OfType<string>())
                {
                    kestrel.ListenUnixSocket(path, listen =>
                    {
                        listen.Protocols = HttpProtocols.Http2;
                        listen.Use(access.RecordPeer);
                    });
                }
            })
            .UseSockets(sockets => sockets.CreateBoundListenSocket = endpoint =>
            {
                System.Net.Sockets.Socket listener = SocketFile.Bind(endpoint);
                access.Listener ??= listener;
                return listener;
            });

        builder.Services.AddSingleton<IHostLifetime, HostLifetimeWithoutSignals>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = options.ShutdownTimeout);
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(access);
        builder.Services.AddGrpc(grpc => grpc.Interceptors.Add<PeerAccessInterceptor>());
        // An instance, not a type: the container does not dispose what it did not create.
        builder.Services.AddSingleton(service);

        WebApplication app = builder.Build();
        app.Use(ProtocolGate.Check);
        app.MapGrpcService<TService>();
        return app;
    }
}
