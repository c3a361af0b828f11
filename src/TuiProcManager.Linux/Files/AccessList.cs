using System.Buffers.Binary;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Files;

/// <summary>One entry of a POSIX access control list beyond the owner's: a user or a group, and what it may do.</summary>
/// <param name="IsGroup">A group's entry; else a user's.</param>
/// <param name="Id">The uid or gid.</param>
/// <param name="Permissions">rwx as in a mode: 4 read, 2 write, 1 search/execute.</param>
public readonly record struct AccessEntry(bool IsGroup, uint Id, int Permissions);

/// <summary>
/// Sets a file's POSIX access control list (acl(5)) through its extended attribute, so that tuiproc needs
/// no <c>setfacl</c>: how a shared session's socket and its directory let the users it is shared with in,
/// and nobody else (decision 0007).
/// </summary>
/// <remarks>
/// The attribute <c>system.posix_acl_access</c> is, little-endian, a version (u32, 2) then entries of 8 bytes
/// (tag u16, permissions u16, id u32), in the order the kernel demands: the owner, users by uid, the owning
/// group, groups by gid, the mask, others. Checked on this machine against <c>getfacl</c> (ext4 and tmpfs).
/// Setting it also sets the mode's group bits to the mask, as chmod(2) would: <c>ls -l</c> shows a
/// <c>+</c>. The owning group and others get nothing here; the mask is the union of the entries, so that
/// it takes nothing from them.
/// </remarks>
public static class AccessList
{
    private const int Version = 2;
    private const ushort UserObj = 0x01;
    private const ushort User = 0x02;
    private const ushort GroupObj = 0x04;
    private const ushort Group = 0x08;
    private const ushort Mask = 0x10;
    private const ushort Other = 0x20;
    private const uint UndefinedId = uint.MaxValue;

    /// <summary>
    /// Gives <paramref name="path"/> the owner's <paramref name="ownerPermissions"/> and
    /// <paramref name="entries"/>, nothing to anyone else. With no entries the list is removed and the mode
    /// set to the owner's bits alone. The one line of why it could not be done, or null.
    /// </summary>
    /// <remarks>Follows a final symlink: callers pass paths in directories that only they can write.</remarks>
    public static unsafe string? Set(string path, int ownerPermissions, IReadOnlyCollection<AccessEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return Clear(path, ownerPermissions);
        }

        byte[] value = Encode(ownerPermissions, entries);
        fixed (byte* bytes = value)
        {
            if (Libc.SetXattr(path, Libc.PosixAclAccess, bytes, (nuint)value.Length, 0) == 0)
            {
                return null;
            }
        }

        return Problem(path, Libc.LastErrno);
    }

    /// <summary>The entries beyond the owner's that <paramref name="path"/> has (empty without a list); null when it cannot be read.</summary>
    public static unsafe IReadOnlyList<AccessEntry>? Read(string path)
    {
        Span<byte> buffer = stackalloc byte[4 + (8 * 64)];
        nint size;
        fixed (byte* bytes = buffer)
        {
            size = Libc.GetXattr(path, Libc.PosixAclAccess, bytes, (nuint)buffer.Length);
        }

        if (size < 0)
        {
            return Libc.LastErrno == Errno.ENODATA ? [] : null;
        }

        return Decode(buffer[..(int)size]);
    }

    /// <summary>The attribute's bytes for these entries, in the kernel's order.</summary>
    internal static byte[] Encode(int ownerPermissions, IReadOnlyCollection<AccessEntry> entries)
    {
        AccessEntry[] users = [.. entries.Where(e => !e.IsGroup).OrderBy(e => e.Id).DistinctBy(e => e.Id)];
        AccessEntry[] groups = [.. entries.Where(e => e.IsGroup).OrderBy(e => e.Id).DistinctBy(e => e.Id)];
        int mask = entries.Aggregate(0, (m, e) => m | (e.Permissions & 7));
        byte[] value = new byte[4 + (8 * (4 + users.Length + groups.Length))];
        BinaryPrimitives.WriteUInt32LittleEndian(value, Version);
        int at = 4;
        void Put(ushort tag, int permissions, uint id)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(value.AsSpan(at), tag);
            BinaryPrimitives.WriteUInt16LittleEndian(value.AsSpan(at + 2), (ushort)(permissions & 7));
            BinaryPrimitives.WriteUInt32LittleEndian(value.AsSpan(at + 4), id);
            at += 8;
        }

        Put(UserObj, ownerPermissions, UndefinedId);
        foreach (AccessEntry user in users)
        {
            Put(User, user.Permissions, user.Id);
        }

        Put(GroupObj, 0, UndefinedId);
        foreach (AccessEntry group in groups)
        {
            Put(Group, group.Permissions, group.Id);
        }

        Put(Mask, mask, UndefinedId);
        Put(Other, 0, UndefinedId);
        return value;
    }

    /// <summary>The user and group entries of an attribute's bytes; null when they are not a list of version 2.</summary>
    internal static IReadOnlyList<AccessEntry>? Decode(ReadOnlySpan<byte> value)
    {
        if (value.Length < 4 || (value.Length - 4) % 8 != 0 || BinaryPrimitives.ReadUInt32LittleEndian(value) != Version)
        {
            return null;
        }

        List<AccessEntry> entries = [];
        for (int at = 4; at < value.Length; at += 8)
        {
            ushort tag = BinaryPrimitives.ReadUInt16LittleEndian(value[at..]);
            int permissions = BinaryPrimitives.ReadUInt16LittleEndian(value[(at + 2)..]);
            uint id = BinaryPrimitives.ReadUInt32LittleEndian(value[(at + 4)..]);
            if (tag is User or Group)
            {
                entries.Add(new AccessEntry(tag == Group, id, permissions));
            }
        }

        return entries;
    }

    private static string? Clear(string path, int ownerPermissions)
    {
        if (Libc.RemoveXattr(path, Libc.PosixAclAccess) != 0 && Libc.LastErrno is not (Errno.ENODATA or Errno.EOPNOTSUPP))
        {
            return Problem(path, Libc.LastErrno);
        }

        try
        {
            // Removing the list leaves the mask's bits as the group's: the owner's alone again.
            File.SetUnixFileMode(path, (UnixFileMode)((ownerPermissions & 7) << 6));
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot make {path} private again: {e.Message}";
        }
    }

    private static string Problem(string path, int errno) => errno == Errno.EOPNOTSUPP
        ? $"the file system of {path} does not support access control lists, so it cannot be shared"
        : $"cannot set who may use {path}: {Libc.Describe(errno)}";
}
