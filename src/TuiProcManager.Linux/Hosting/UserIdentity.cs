using TuiProcManager.Linux.Files;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Hosting;

/// <summary>Who this process runs as, and who owns a path: for the session directory and its sockets.</summary>
public static class UserIdentity
{
    /// <summary>This process's effective user ID.</summary>
    public static uint EffectiveUid => Libc.GetEuid();

    /// <summary>The owner and permission bits of <paramref name="path"/> (not following a final symlink), or null when it does not exist.</summary>
    public static (uint Owner, int Permissions, bool IsDirectory)? StatusOf(string path) =>
        FileStatus.TryGet(path, follow: false, out FileStatus status, out _)
            ? (status.Owner, status.Permissions, status.Type == Libc.S_IFDIR)
            : null;

    /// <summary>The name of user <paramref name="uid"/> in /etc/passwd, or "uid N" when it is not there.</summary>
    public static string NameOf(uint uid)
    {
        string id = uid.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            foreach (string line in File.ReadLines("/etc/passwd"))
            {
                string[] fields = line.Split(':');
                if (fields.Length > 2 && fields[2] == id)
                {
                    return fields[0];
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return "uid " + id;
    }
}
