namespace TuiProcManager.Tests.TestSupport;

/// <summary>A path in the temp directory, deleted at the end of the test.</summary>
internal sealed class TempFile(string extension, string? content = null) : IDisposable
{
    public string Path { get; } = Create(extension, content);

    public void Dispose() => File.Delete(Path);

    private static string Create(string extension, string? content)
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"tuiproc-test-{Guid.NewGuid():N}{extension}");
        if (content is not null)
        {
            File.WriteAllText(path, content);
        }

        return path;
    }
}
