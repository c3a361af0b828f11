using System.Buffers.Binary;
using TuiProcManager.Linux.Files;

namespace TuiProcManager.Linux.Tests.Files;

/// <summary>
/// A POSIX access control list set through its extended attribute (what a shared session's socket and
/// directory get): the bytes in the kernel's order, and the real thing on a file here.
/// </summary>
public sealed class AccessListTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("tuiproc-acl-").FullName;

    [Fact]
    public void Encode_EntriesInTheKernelsOrder_MaskTheUnionOfThem()
    {
        byte[] value = AccessList.Encode(7, [new AccessEntry(true, 50, 1), new AccessEntry(false, 1002, 6), new AccessEntry(false, 1001, 4)]);

        // version 2, then (tag, permissions, id): owner, users by uid, owning group, groups by gid, mask, others.
        Assert.Equal(2u, BinaryPrimitives.ReadUInt32LittleEndian(value));
        (int Tag, int Permissions, uint Id)[] entries = [.. Enumerable.Range(0, (value.Length - 4) / 8).Select(i => (
            (int)BinaryPrimitives.ReadUInt16LittleEndian(value.AsSpan(4 + (8 * i))),
            (int)BinaryPrimitives.ReadUInt16LittleEndian(value.AsSpan(6 + (8 * i))),
            BinaryPrimitives.ReadUInt32LittleEndian(value.AsSpan(8 + (8 * i)))))];
        Assert.Equal(
            [(0x01, 7, uint.MaxValue), (0x02, 4, 1001u), (0x02, 6, 1002u), (0x04, 0, uint.MaxValue), (0x08, 1, 50u), (0x10, 7, uint.MaxValue), (0x20, 0, uint.MaxValue)],
            entries);
        Assert.Equal([new AccessEntry(false, 1001, 4), new AccessEntry(false, 1002, 6), new AccessEntry(true, 50, 1)], AccessList.Decode(value));
        Assert.Equal(1, BinaryPrimitives.ReadUInt16LittleEndian(AccessList.Encode(1, [new AccessEntry(false, 5, 4)]).AsSpan(6))); // the owner's bits as given, nothing added
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 1, 0, 0, 0 })]
    [InlineData(new byte[] { 2, 0, 0, 0, 1, 0, 7 })]
    public void Decode_NotAListOfVersion2_IsNull(byte[] value) => Assert.Null(AccessList.Decode(value));

    [Fact]
    public void Set_OnARealFile_ReadBackAsSet_ModeShowsTheMask_ClearedBackToTheOwnersAlone()
    {
        string file = Path.Combine(_directory, "socket-like");
        File.WriteAllBytes(file, []);
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.Null(AccessList.Set(file, 6, [new AccessEntry(false, 4242, 6), new AccessEntry(true, 4243, 4)]));

        Assert.Equal([new AccessEntry(false, 4242, 6), new AccessEntry(true, 4243, 4)], AccessList.Read(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite, File.GetUnixFileMode(file));

        Assert.Null(AccessList.Set(file, 6, []));

        Assert.Equal([], AccessList.Read(file));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
    }

    [Fact]
    public void Set_WhereThereIsNoFile_OneLineNamingIt() =>
        Assert.Equal($"cannot set who may use {_directory}/missing: No such file or directory", AccessList.Set(Path.Combine(_directory, "missing"), 6, [new AccessEntry(false, 4242, 6)]));

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
