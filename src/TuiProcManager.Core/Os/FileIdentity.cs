namespace TuiProcManager.Core.Os;

/// <summary>Which file a path or a descriptor is: its device and inode (st_dev, st_ino).</summary>
/// <param name="Device">The device the file is on (major and minor).</param>
/// <param name="Inode">The file's inode on that device.</param>
public readonly record struct FileIdentity(ulong Device, ulong Inode);
