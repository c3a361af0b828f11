using System.Globalization;

namespace TuiProcManager.Sessions.Transport;

/// <summary>Names users for messages: "alice (uid 1000)" when the password file knows the uid, else "uid 1000".</summary>
internal static class UserNames
{
    /// <summary>The system's password file.</summary>
    public const string PasswordFile = "/etc/passwd";

    /// <summary>Describes <paramref name="uid"/> by its name in <paramref name="passwordFile"/>, when found there.</summary>
    /// <remarks>
    /// Only the local file is read (no NSS: LDAP or systemd-homed users show as a bare uid). That is enough
    /// for a refusal message, and it cannot block on a network directory while a call waits.
    /// </remarks>
    public static string Describe(uint uid, string passwordFile = PasswordFile)
    {
        string uidText = uid.ToString(CultureInfo.InvariantCulture);
        string? name = null;
        try
        {
            foreach (string line in File.ReadLines(passwordFile))
            {
                // name:password:uid:gid:gecos:home:shell
                string[] fields = line.Split(':');
                if (fields.Length > 2 && fields[2] == uidText && fields[0].Length > 0)
                {
                    name = fields[0];
                    break;
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            name = null;
        }

        return name is null ? $"uid {uidText}" : $"{name} (uid {uidText})";
    }
}
