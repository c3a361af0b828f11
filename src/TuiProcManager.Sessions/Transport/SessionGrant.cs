namespace TuiProcManager.Sessions.Transport;

/// <summary>One entry of a session's grant list: a user, or a group's members, who may watch, or act too.</summary>
/// <param name="Group">A group's members; else one user.</param>
/// <param name="Id">The uid or gid.</param>
/// <param name="Control">May act; else read-only.</param>
public sealed record SessionGrant(bool Group, uint Id, bool Control)
{
    /// <summary>Whether this grant and <paramref name="other"/> name the same user or group (whatever they allow).</summary>
    public bool SameWho(SessionGrant other) => other is not null && other.Group == Group && other.Id == Id;

    /// <summary>For people: "bob (uid 1001), read-only", "@teachers (gid 1005), control".</summary>
    public override string ToString() =>
        (Group ? UserNames.DescribeGroup(Id) : UserNames.Describe(Id)) + (Control ? ", control" : ", read-only");
}
