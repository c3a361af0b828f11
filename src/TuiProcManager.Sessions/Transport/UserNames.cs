using System.Globalization;

namespace TuiProcManager.Sessions.Transport;

/// <summary>
/// Users and groups by name and number, for messages ("alice (uid 1000)" when the password file knows the
/// uid, else "uid 1000") and for the names a user types (<c>share --with bob</c>, <c>attach alice/1</c>).
/// </summary>
/// <remarks>
/// Only the local files are read (no NSS: LDAP or systemd-homed users show as a bare number, and may be
/// named by it). That is enough here, and it cannot block on a network directory while a call waits.
/// </remarks>
public static class UserNames
{
    /// <summary>The system's password file.</summary>
    public const string PasswordFile = "/etc/passwd";

    /// <summary>The system's group file.</summary>
    public const string GroupFile = "/etc/group";

    /// <summary>Describes <paramref name="uid"/> by its name in <paramref name="passwordFile"/>, when found there.</summary>
    public static string Describe(uint uid, string passwordFile = PasswordFile) => DescribeIn(passwordFile, uid, "uid");

    /// <summary>Describes group <paramref name="gid"/> ("@staff (gid 50)"), by its name when <paramref name="groupFile"/> has it.</summary>
    public static string DescribeGroup(uint gid, string groupFile = GroupFile) => "@" + DescribeIn(groupFile, gid, "gid");

    /// <summary>The name of <paramref name="uid"/> in <paramref name="passwordFile"/>, or its number.</summary>
    public static string NameOf(uint uid, string passwordFile = PasswordFile) =>
        NameIn(passwordFile, uid) ?? uid.ToString(CultureInfo.InvariantCulture);

    /// <summary>The name of group <paramref name="gid"/> in <paramref name="groupFile"/>, or its number.</summary>
    public static string GroupNameOf(uint gid, string groupFile = GroupFile) =>
        NameIn(groupFile, gid) ?? gid.ToString(CultureInfo.InvariantCulture);

    /// <summary>The uid of the user named (or numbered) <paramref name="user"/>, or null when there is none.</summary>
    public static uint? FindUser(string user, string passwordFile = PasswordFile) => FindIn(passwordFile, user);

    /// <summary>The gid of the group named (or numbered) <paramref name="group"/>, or null when there is none.</summary>
    public static uint? FindGroup(string group, string groupFile = GroupFile) => FindIn(groupFile, group);

    private static string DescribeIn(string file, uint id, string what)
    {
        string idText = id.ToString(CultureInfo.InvariantCulture);
        return NameIn(file, id) is { } name ? $"{name} ({what} {idText})" : $"{what} {idText}";
    }

    private static string? NameIn(string file, uint id)
    {
        string idText = id.ToString(CultureInfo.InvariantCulture);
        foreach (string[] fields in Entries(file))
        {
            if (fields[2] == idText && fields[0].Length > 0)
            {
                return fields[0];
            }
        }

        return null;
    }

    private static uint? FindIn(string file, string nameOrNumber)
    {
        // Both files: name:password:id:…
        foreach (string[] fields in Entries(file))
        {
            if (fields[0] == nameOrNumber && uint.TryParse(fields[2], NumberStyles.None, CultureInfo.InvariantCulture, out uint id))
            {
                return id;
            }
        }

        return uint.TryParse(nameOrNumber, NumberStyles.None, CultureInfo.InvariantCulture, out uint number) ? number : null;
    }

    private static IEnumerable<string[]> Entries(string file)
    {
        IEnumerable<string> lines;
        try
        {
            lines = File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            yield break;
        }

        foreach (string line in lines)
        {
            string[] fields = line.Split(':');
            if (fields.Length > 2)
            {
                yield return fields;
            }
        }
    }
}
