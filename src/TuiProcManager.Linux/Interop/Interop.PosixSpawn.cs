using System.Runtime.InteropServices;

namespace TuiProcManager.Linux.Interop;

internal static partial class Libc
{
    // Flags of posix_spawnattr_setflags, the same in glibc and musl.
    internal const short POSIX_SPAWN_SETPGROUP = 0x02;
    internal const short POSIX_SPAWN_SETSIGDEF = 0x04;
    internal const short POSIX_SPAWN_SETSIGMASK = 0x08;

    /// <summary>
    /// Room allocated for posix_spawn_file_actions_t and posix_spawnattr_t, which are opaque; glibc's are
    /// 80 and 336 bytes on x86-64. Generous so that another libc's layout fits too.
    /// </summary>
    internal const int SpawnStructSize = 1024;

    /// <summary>Room for a sigset_t (128 bytes in glibc).</summary>
    internal const int SigSetSize = 256;

    [LibraryImport(Name, EntryPoint = "posix_spawn", SetLastError = true)]
    internal static unsafe partial int PosixSpawn(int* pid, byte* path, void* fileActions, void* attributes, byte** argv, byte** envp);

    [LibraryImport(Name, EntryPoint = "posix_spawnp", SetLastError = true)]
    internal static unsafe partial int PosixSpawnp(int* pid, byte* file, void* fileActions, void* attributes, byte** argv, byte** envp);

    [LibraryImport(Name, EntryPoint = "posix_spawn_file_actions_init")]
    internal static unsafe partial int FileActionsInit(void* fileActions);

    [LibraryImport(Name, EntryPoint = "posix_spawn_file_actions_destroy")]
    internal static unsafe partial int FileActionsDestroy(void* fileActions);

    [LibraryImport(Name, EntryPoint = "posix_spawn_file_actions_adddup2")]
    internal static unsafe partial int FileActionsAddDup2(void* fileActions, int fd, int newFd);

    [LibraryImport(Name, EntryPoint = "posix_spawn_file_actions_addopen")]
    internal static unsafe partial int FileActionsAddOpen(void* fileActions, int fd, byte* path, int flags, uint mode);

    /// <summary>glibc 2.34+: closes every fd from <paramref name="lowFd"/> up in the child. Absent elsewhere.</summary>
    [LibraryImport(Name, EntryPoint = "posix_spawn_file_actions_addclosefrom_np")]
    internal static unsafe partial int FileActionsAddCloseFrom(void* fileActions, int lowFd);

    [LibraryImport(Name, EntryPoint = "posix_spawnattr_init")]
    internal static unsafe partial int SpawnAttrInit(void* attributes);

    [LibraryImport(Name, EntryPoint = "posix_spawnattr_destroy")]
    internal static unsafe partial int SpawnAttrDestroy(void* attributes);

    [LibraryImport(Name, EntryPoint = "posix_spawnattr_setflags")]
    internal static unsafe partial int SpawnAttrSetFlags(void* attributes, short flags);

    [LibraryImport(Name, EntryPoint = "posix_spawnattr_setpgroup")]
    internal static unsafe partial int SpawnAttrSetPgroup(void* attributes, int pgroup);

    [LibraryImport(Name, EntryPoint = "posix_spawnattr_setsigmask")]
    internal static unsafe partial int SpawnAttrSetSigMask(void* attributes, void* sigset);

    [LibraryImport(Name, EntryPoint = "posix_spawnattr_setsigdefault")]
    internal static unsafe partial int SpawnAttrSetSigDefault(void* attributes, void* sigset);

    [LibraryImport(Name, EntryPoint = "sigemptyset")]
    internal static unsafe partial int SigEmptySet(void* sigset);

    [LibraryImport(Name, EntryPoint = "sigfillset")]
    internal static unsafe partial int SigFillSet(void* sigset);

    [LibraryImport(Name, EntryPoint = "sigdelset")]
    internal static unsafe partial int SigDelSet(void* sigset, int signal);
}
