using Google.Protobuf;
using TuiProcManager.Protocol;
using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Client;
using TuiProcManager.Sessions.Remote;

namespace TuiProcManager.Tests.Sessions.Remote;

/// <summary>
/// What <c>bridge --list</c> writes and <c>ls HOST</c> reads: the bridge's own Hello first (its version), then
/// each session's; another major version, or something that is no listing, is said in one line.
/// </summary>
public sealed class BridgeListingTests
{
    [Fact]
    public async Task WriteThenRead_GivesTheSessionsInOrder()
    {
        HelloReply[] sessions =
        [
            new() { Major = ProtocolVersion.Major, Session = new SessionStatus { Name = "1", WorkersAlive = 2 } },
            new() { Major = ProtocolVersion.Major, Session = new SessionStatus { Name = "lab-a", Clients = 1 } },
        ];
        using MemoryStream written = new();

        await BridgeListing.WriteAsync(written, sessions);

        Assert.Equal(["1", "lab-a"], BridgeListing.Read(written.ToArray(), "lab").Select(s => s.Name));
    }

    [Fact]
    public async Task WriteThenRead_NoSession_IsAnEmptyList()
    {
        using MemoryStream written = new();

        await BridgeListing.WriteAsync(written, []);

        Assert.Empty(BridgeListing.Read(written.ToArray(), "lab"));
    }

    [Fact]
    public void Read_AnotherMajorVersion_OneLineNamingBothSides()
    {
        using MemoryStream written = new();
        new HelloReply { Major = ProtocolVersion.Major + 1, Server = "tuiproc 9.0.0" }.WriteDelimitedTo(written);
        new HelloReply { Session = new SessionStatus { Name = "1" } }.WriteDelimitedTo(written);

        SessionException e = Assert.Throws<SessionException>(() => BridgeListing.Read(written.ToArray(), "lab"));

        Assert.Equal(
            $"on lab: this tuiproc speaks session protocol {ProtocolVersion.Major} ({ProtocolVersion.Program}), the session's server speaks {ProtocolVersion.Major + 1} (tuiproc 9.0.0): use the tuiproc that started the session",
            e.Message);
    }

    [Theory]
    [InlineData(new byte[0], "the tuiproc on lab listed nothing, not even its version")]
    [InlineData(new byte[] { 0x4e, 0x6f, 0x20, 0x73, 0x75, 0x63, 0x68 }, "the tuiproc on lab answered with something that is not a list of sessions")]
    public void Read_NoListing_OneLine(byte[] written, string expected)
    {
        SessionException e = Assert.Throws<SessionException>(() => BridgeListing.Read(written, "lab"));

        Assert.StartsWith(expected, e.Message, StringComparison.Ordinal);
    }
}
