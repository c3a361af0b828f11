using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions.Tests.Transport;

/// <summary>The variables that make an ASP.NET Core app listen on TCP are ignored by the session server.</summary>
[Collection(nameof(ProcessEnvironmentTests))]
public sealed class HostSettingsTests : IDisposable
{
    private static readonly string[] ListenVariables =
    [
        "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "ASPNETCORE_PREFERHOSTINGURLS", "DOTNET_PREFERHOSTINGURLS",
        "ASPNETCORE_Kestrel__Endpoints__Http__Url",
    ];

    private readonly TempSocketDirectory directory = new();
    private readonly Dictionary<string, string?> saved = ListenVariables.ToDictionary(name => name, Environment.GetEnvironmentVariable);

    public void Dispose()
    {
        foreach ((string name, string? value) in saved)
        {
            Environment.SetEnvironmentVariable(name, value);
        }

        directory.Dispose();
    }

    [Fact]
    public async Task StartAsync_UrlsAndPortsInTheEnvironment_StillListensOnTheSocketOnly()
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_URLS", "http://127.0.0.1:0");
        Environment.SetEnvironmentVariable("DOTNET_URLS", "http://127.0.0.1:0");
        Environment.SetEnvironmentVariable("ASPNETCORE_HTTP_PORTS", "0");
        Environment.SetEnvironmentVariable("ASPNETCORE_PREFERHOSTINGURLS", "true");
        Environment.SetEnvironmentVariable("DOTNET_PREFERHOSTINGURLS", "true");
        Environment.SetEnvironmentVariable("ASPNETCORE_Kestrel__Endpoints__Http__Url", "http://127.0.0.1:0");
        string socket = directory.PathOf("s.sock");

        await using SessionSocketServer server = await SessionSocketServer.StartAsync(socket, new TestSessionService(), Bounded.Token());

        Assert.Equal([$"http://unix:{socket}"], server.ListeningAddresses);
    }
}
