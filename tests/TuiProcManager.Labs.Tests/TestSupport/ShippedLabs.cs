using TuiProcManager.Labs.Catalog;
using TuiProcManager.Labs.Format;
using TuiProcManager.Linux.Files;

namespace TuiProcManager.Labs.Tests.TestSupport;

/// <summary>The labs as they ship: the files copied to labs/ beside the tests.</summary>
internal static class ShippedLabs
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "labs");

    public static LabCatalog Catalog { get; } = LabCatalog.Load(RegularFileReader.Instance, Directory);

    public static Lab Get(string id) => Catalog.Find(id);
}
