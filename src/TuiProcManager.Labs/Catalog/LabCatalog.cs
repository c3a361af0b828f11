using TuiProcManager.Core.Os;
using TuiProcManager.Labs.Format;

namespace TuiProcManager.Labs.Catalog;

/// <summary>
/// The labs that ship with the app (<c>labs/*.lab.json</c>, built in and beside it), and how a lab named on the command
/// line is found: by id (<c>1</c>), by name (<c>signals</c>), or by a path to a lab file of one's own.
/// </summary>
public sealed class LabCatalog
{
    private readonly List<Lab> _labs;
    private readonly IRegularFileReader _files;

    private LabCatalog(IRegularFileReader files, string directory, List<Lab> labs, List<string> problems)
    {
        _files = files;
        Directory = directory;
        _labs = labs;
        Problems = problems;
    }

    /// <summary>Where the shipped labs are on disk (labs/ beside the app, which replaces or adds to the built-in ones).</summary>
    public string Directory { get; }

    /// <summary>The shipped labs, by id (numbers in order).</summary>
    public IReadOnlyList<Lab> Labs => _labs;

    /// <summary>Shipped files that could not be read (each one line); there should be none.</summary>
    public IReadOnlyList<string> Problems { get; }

    /// <summary>The labs in <paramref name="directory"/>, read through <paramref name="files"/> (as is a lab file named later).</summary>
    public static LabCatalog Load(IRegularFileReader files, string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        string[] labFiles = System.IO.Directory.Exists(directory) ? System.IO.Directory.GetFiles(directory, "*.lab.json") : [];
        return Load(files, directory, labFiles.Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The labs that ship: those built in, each replaced by a file of the same name in labs/ beside the app,
    /// with that folder's other *.lab.json (<see cref="ShippedFolder"/>).
    /// </summary>
    public static LabCatalog Load(ShippedFolder shipped)
    {
        ArgumentNullException.ThrowIfNull(shipped);
        return Load(shipped.Files, shipped.BesideApp, shipped.List("*.lab.json"));
    }

    private static LabCatalog Load(IRegularFileReader files, string directory, IEnumerable<string> labFiles)
    {
        ArgumentNullException.ThrowIfNull(files);
        List<Lab> labs = [];
        List<string> problems = [];
        foreach (string file in labFiles)
        {
            try
            {
                // Named by its path: with two places a shipped lab can come from, a file name alone would not
                // say which; a built-in one is "(built in) labs/NAME".
                labs.Add(LabReader.Load(files, file));
            }
            catch (LabFormatException e)
            {
                problems.Add(e.Message);
            }
        }

        labs.Sort((a, b) => Order(a.Id).CompareTo(Order(b.Id)));
        return new LabCatalog(files, directory, labs, problems);
    }

    /// <summary>Whether <paramref name="lab"/> is one of the shipped labs.</summary>
    public bool IsShipped(Lab lab) => _labs.Contains(lab);

    /// <summary>The lab <paramref name="wanted"/> names: a shipped lab's id or name, or a lab file's path.</summary>
    /// <exception cref="LabFormatException">The file cannot be read or is not a valid lab.</exception>
    /// <exception cref="KeyNotFoundException">No lab goes by that name (the message lists those that do).</exception>
    public Lab Find(string wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        if (_labs.FirstOrDefault(l => l.Id == wanted || l.Name == wanted) is { } shipped)
        {
            return shipped;
        }

        bool looksLikeAFile = wanted.Contains('/', StringComparison.Ordinal) || wanted.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || File.Exists(wanted);
        if (looksLikeAFile)
        {
            return LabReader.Load(_files, wanted);
        }

        string known = _labs.Count == 0 ? "none ship with this build" : string.Join(", ", _labs.Select(l => $"{l.Id} ({l.Name})"));
        throw new KeyNotFoundException($"no lab '{Core.Text.InputText.Shorten(wanted)}': the labs are {known}; or give the path of a lab file");
    }

    private static (int, string) Order(string id) => (int.TryParse(id, out int n) ? n : int.MaxValue, id);
}
