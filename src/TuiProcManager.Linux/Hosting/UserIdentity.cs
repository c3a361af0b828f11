using TuiProcManager.Linux.Files;
using TuiProcManager.Linux.Interop;

namespace TuiProcManager.Linux.Hosting;

/// <summary>Who this process runs as, and who owns a path: for the session directory (names for messages: Sessions' UserNames).</summary>
public static class UserIdentity
{
    /// <summary>This process's effective user ID.</summary>
    public static uint EffectiveUid => Libc.GetEuid();

    /// <summary>The owner and permission bits of <paramref name="path"/> (not following a final symlink), or null when it does not exist.</summary>
    public static (uint Owner, int Permissions, bool IsDirectory)? StatusOf(string path) =>
        FileStatus.TryGet(path, follow: false, out FileStatus status, out _)
            ? (status.Owner, status.Permissions, status.Type == Libc.S_IFDIR)
            : null;
}
