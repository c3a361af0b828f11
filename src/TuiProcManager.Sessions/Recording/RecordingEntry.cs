using System.Globalization;

namespace TuiProcManager.Sessions.Recording;

/// <summary>A recording's directory in <see cref="RecordingsFolder"/>, as its name tells it.</summary>
/// <param name="Directory">The directory.</param>
/// <param name="Session">The session's name.</param>
/// <param name="Started">When its server started (to the second).</param>
/// <param name="ServerPid">Its server's pid.</param>
public sealed record RecordingEntry(string Directory, string Session, DateTimeOffset Started, int ServerPid)
{
    /// <summary>The entry of <paramref name="directory"/>, or null when its name is not a recording's.</summary>
    public static RecordingEntry? Parse(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string name = Path.GetFileName(directory);
        int pidDash = name.LastIndexOf('-');
        int startDash = pidDash > 0 ? name.LastIndexOf('-', pidDash - 1) : -1;
        if (startDash <= 0
            || !int.TryParse(name.AsSpan(pidDash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
            || !DateTime.TryParseExact(name.AsSpan(startDash + 1, pidDash - startDash - 1), "yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out DateTime started))
        {
            return null;
        }

        return new RecordingEntry(directory, name[..startDash], new DateTimeOffset(started, TimeSpan.Zero), pid);
    }

    /// <summary>The bytes of its files now (0 when it cannot be read).</summary>
    public long Bytes()
    {
        try
        {
            return new DirectoryInfo(Directory).EnumerateFiles().Sum(f => f.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
