using TuiProcManager.Sessions.Transport;

namespace TuiProcManager.Sessions.Tests.Transport;

public sealed class UserNamesTests : IDisposable
{
    private readonly TempSocketDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Fact]
    public void Describe_UidInThePasswordFile_NameAndUid()
    {
        string passwd = WritePasswordFile("root:x:0:0:root:/root:/bin/bash", "alice:x:1000:1000:Alice:/home/alice:/bin/sh");

        Assert.Equal("alice (uid 1000)", UserNames.Describe(1000, passwd));
    }

    [Fact]
    public void Describe_UidNotInThePasswordFile_UidAlone()
    {
        string passwd = WritePasswordFile("alice:x:1000:1000:Alice:/home/alice:/bin/sh", "broken line");

        Assert.Equal("uid 1001", UserNames.Describe(1001, passwd));
    }

    [Fact]
    public void Describe_NoPasswordFile_UidAlone() =>
        Assert.Equal("uid 1000", UserNames.Describe(1000, directory.PathOf("absent")));

    private string WritePasswordFile(params string[] lines)
    {
        string path = directory.PathOf("passwd");
        File.WriteAllLines(path, lines);
        return path;
    }
}
