using TuiProcManager.Protocol.V1;
using TuiProcManager.Sessions.Transport;
using PeerRole = TuiProcManager.Sessions.Transport.PeerRole;

namespace TuiProcManager.Sessions.Tests.Transport;

/// <summary>
/// What each role may call (decision 0007): a spectator watches as a screen and nothing else; a control
/// guest acts but neither shares nor ends; anyone else is refused everything. Every call of the service is
/// listed, so that a call added later is decided here on purpose.
/// </summary>
public sealed class RoleCallsTests
{
    private static readonly string[] Watching = ["Hello", "Status", "Watch", "WatchLab", "WatchNotices"];

    private static readonly string[] Acting =
        ["Spawn", "StartPool", "JoinPool", "Pause", "Terminate", "Kill", "Join", "TerminateAll", "KillAll", "JoinAll", "ChangeScheduling", "LabHint", "LabAnswer"];

    [Fact]
    public void EveryCallOfTheService_IsListedHere()
    {
        string[] calls = [.. Session.Descriptor.Methods.Select(m => m.Name).Order(StringComparer.Ordinal)];

        string[] listed = [.. Watching.Concat(Acting).Concat(["Share", "End"]).Order(StringComparer.Ordinal)];
        Assert.Equal(calls, listed);
    }

    [Fact]
    public void ReadOnly_WatchesOnly_ActingRefusedAsReadOnly()
    {
        foreach (string call in Watching)
        {
            Assert.Null(RoleCalls.Refusal(PeerRole.ReadOnly, Method(call), new WatchRequest { Follow = true }, "alice"));
        }

        foreach (string call in Acting.Concat(["Share", "End"]))
        {
            Assert.Equal("read-only: alice shared this session with you to watch, not to act", RoleCalls.Refusal(PeerRole.ReadOnly, Method(call), null, "alice"));
        }
    }

    [Fact]
    public void ReadOnly_ALosslessFollow_Refused_ALosslessSnapshotAllowed()
    {
        Assert.StartsWith("read-only: alice shared this session to watch; a lossless follow would hold its workers",
            RoleCalls.Refusal(PeerRole.ReadOnly, Method("Watch"), new WatchRequest { Follow = true, Delivery = WatchRequest.Types.Delivery.Lossless }, "alice"), StringComparison.Ordinal);
        Assert.Null(RoleCalls.Refusal(PeerRole.ReadOnly, Method("Watch"), new WatchRequest { Follow = false, Delivery = WatchRequest.Types.Delivery.Lossless }, "alice"));
    }

    [Fact]
    public void Control_ActsButNeitherSharesNorEnds_OwnerEverything()
    {
        foreach (string call in Watching.Concat(Acting))
        {
            Assert.Null(RoleCalls.Refusal(PeerRole.Control, Method(call), null, "alice"));
            Assert.Null(RoleCalls.Refusal(PeerRole.Owner, Method(call), null, "alice"));
        }

        Assert.Equal("only alice may share this session", RoleCalls.Refusal(PeerRole.Control, Method("Share"), null, "alice"));
        Assert.Equal("only alice may end this session", RoleCalls.Refusal(PeerRole.Control, Method("End"), null, "alice"));
        Assert.Null(RoleCalls.Refusal(PeerRole.Owner, Method("Share"), null, "alice"));
        Assert.Null(RoleCalls.Refusal(PeerRole.Owner, Method("End"), null, "alice"));
    }

    private static string Method(string call) => "/tuiproc.session.v1.Session/" + call;
}
