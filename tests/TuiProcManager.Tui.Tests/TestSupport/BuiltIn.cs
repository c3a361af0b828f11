using TuiProcManager.Core.Os;
using TuiProcManager.Labs.Catalog;
using TuiProcManager.Linux.Files;
using TuiProcManager.Tui.Theming;

namespace TuiProcManager.Tui.Tests.TestSupport;

/// <summary>tuiproc's own files as they travel inside the binary: the themes (this UI's assembly) and the labs' Explain texts.</summary>
internal static class BuiltIn
{
    public static BuiltInFiles Files { get; } = new(RegularFileReader.Instance, typeof(ThemeCatalog).Assembly, typeof(LabCatalog).Assembly);

    /// <summary>The built-in themes, with no folder beside the app.</summary>
    public static ShippedFolder Themes { get; } = Files.Folder("themes", "/nonexistent/tuiproc-tests/themes");

    /// <summary>The path the built-in Explain texts are read by.</summary>
    public static string ExplainTexts { get; } = BuiltInFiles.PathOf("labs/explain.json");
}
