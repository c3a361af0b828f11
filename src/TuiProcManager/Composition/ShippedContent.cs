using TuiProcManager.Core.Os;
using TuiProcManager.Labs.Catalog;
using TuiProcManager.Linux.Files;
using TuiProcManager.Tui.Hosting;

namespace TuiProcManager.Composition;

/// <summary>
/// tuiproc's own files: built into the binary (the labs and Explain texts in TuiProcManager.Labs, the themes in
/// TuiProcManager.Tui), each replaceable by a file of the same name in labs/ or themes/ beside the app; the
/// user's own themes (their config folder) come on top of both, in <see cref="TuiHost"/>.
/// </summary>
internal static class ShippedContent
{
    /// <summary>Reads the built-in files and, for every other path, the disk (regular files only, within a limit).</summary>
    public static BuiltInFiles Files { get; } = new(RegularFileReader.Instance, typeof(LabCatalog).Assembly, typeof(TuiHost).Assembly);

    /// <summary>The labs, explain.json, lab.schema.json and README.md.</summary>
    public static ShippedFolder Labs { get; } = Files.Folder("labs", Path.Combine(AppContext.BaseDirectory, "labs"));

    /// <summary>tuiproc's themes.</summary>
    public static ShippedFolder Themes { get; } = Files.Folder("themes", Path.Combine(AppContext.BaseDirectory, "themes"));
}
