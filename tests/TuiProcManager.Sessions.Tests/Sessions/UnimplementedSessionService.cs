using TuiProcManager.Protocol.V1;

namespace TuiProcManager.Sessions.Tests.Sessions;

/// <summary>
/// A server that implements none of the v1 calls: every one is answered UNIMPLEMENTED, as a server of
/// another major version answers a v1 client (its service lives in another proto package).
/// </summary>
internal sealed class UnimplementedSessionService : Session.SessionBase;
