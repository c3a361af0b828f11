using System.Text;
using TuiProcManager.Core.Os;
using TuiProcManager.Labs.Catalog;
using TuiProcManager.Labs.Format;
using TuiProcManager.Linux.Files;

namespace TuiProcManager.Labs.Tests.TestSupport;

/// <summary>The labs as they ship: built into the Labs assembly (with no labs/ folder beside the app to replace any).</summary>
internal static class ShippedLabs
{
    public static BuiltInFiles Files { get; } = new(RegularFileReader.Instance, typeof(LabCatalog).Assembly);

    public static ShippedFolder Folder { get; } = Files.Folder("labs", "/nonexistent/tuiproc-tests/labs");

    public static LabCatalog Catalog { get; } = LabCatalog.Load(Folder);

    public static Lab Get(string id) => Catalog.Find(id);

    /// <summary>The path a built-in file of labs/ is read by (<c>(built in) labs/explain.json</c>).</summary>
    public static string PathOf(string file) => BuiltInFiles.PathOf("labs/" + file);

    /// <summary>The text of a built-in file of labs/.</summary>
    public static string Text(string file) => Encoding.UTF8.GetString(Files.Read(PathOf(file), int.MaxValue, out _) ?? throw new FileNotFoundException("not built in: labs/" + file));
}
