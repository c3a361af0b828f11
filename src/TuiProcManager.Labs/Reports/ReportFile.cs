namespace TuiProcManager.Labs.Reports;

/// <summary>Writes a report for the user only (0600), replacing an earlier one.</summary>
public static class ReportFile
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>; returns a one-line problem, or null.</summary>
    public static string? Write(string path, string text)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        try
        {
            if (Directory.Exists(path))
            {
                return $"cannot write the report to {path}: it is a directory";
            }

            using FileStream file = new(path, new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, UnixCreateMode = Private });
            File.SetUnixFileMode(file.SafeFileHandle, Private); // an existing file keeps its mode through Create
            using StreamWriter writer = new(file);
            writer.Write(text);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write the report to {path}: {e.Message}";
        }
    }
}
