namespace TuiProcManager.Tests.TestSupport;

/// <summary>
/// A state directory of a test's own for <c>tuiproc lab</c> run as a process (XDG_STATE_HOME), so that no
/// test reads or changes the user's lab progress. Deleted with everything in it at the end.
/// </summary>
internal sealed class LabStateHome : IDisposable
{
    /// <summary>The folder the test owns (the state directory is inside it).</summary>
    public string Home { get; } = Directory.CreateTempSubdirectory("tuiproc-labcmd-").FullName;

    /// <summary>Where tuiproc keeps the progress of the labs under this home.</summary>
    public string ProgressDirectory => Path.Combine(Home, "state", "tuiproc", "labs");

    /// <summary>The progress file of shipped lab <paramref name="lab"/>.</summary>
    public string ProgressOf(string lab) => Path.Combine(ProgressDirectory, lab + ".json");

    /// <summary>Writes a progress file for shipped lab <paramref name="lab"/> with nothing done, as if it had been opened once.</summary>
    public string SaveFreshProgress(string lab)
    {
        Directory.CreateDirectory(ProgressDirectory);
        string path = ProgressOf(lab);
        File.WriteAllText(path, $$$"""{"format": "tuiproc-lab-progress/1", "lab": "{{{lab}}}", "title": "t", "steps": {}}""");
        return path;
    }

    /// <summary>Runs <c>tuiproc ARGS</c> (the build users run) with this state directory, to the end.</summary>
    public Task<(int Code, string Stdout, string Stderr)> Tuiproc(params string[] args) =>
        TestSupport.Tuiproc.RunAsync(new Dictionary<string, string> { ["XDG_STATE_HOME"] = Path.Combine(Home, "state") }, args);

    public void Dispose() => Directory.Delete(Home, recursive: true);
}
