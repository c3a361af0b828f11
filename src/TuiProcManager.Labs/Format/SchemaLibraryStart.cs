using System.Runtime.CompilerServices;

namespace TuiProcManager.Labs.Format;

/// <summary>
/// Runs JsonSchema.Net's own start-up (its vocabularies, dialects and meta-schemas) when a lab file is
/// first checked, instead of at every start of the native build.
/// </summary>
/// <remarks>
/// <para>
/// JsonSchema.Net 8.0.5 does that work in a module initializer (<c>Json.Schema.__ModuleInitialization.Initialize</c>:
/// it parses and builds 19 meta-schemas). A JIT build runs it when the assembly is first loaded, i.e. by a
/// lab; NativeAOT runs every module initializer at process start, so every command paid for it:
/// about a quarter of the CPU of <c>tuiproc --version</c> and of <c>tuiproc ctl NAME ps</c> (perf, 20 and
/// 10 runs), and a garbage collection. The native build replaces that initializer with an empty method
/// (src/TuiProcManager/NativeAot.Substitutions.xml) and <see cref="LabSchema"/> calls
/// <see cref="EnsureStarted"/> before anything else of the library.
/// </para>
/// <para>
/// This does what the initializer does, through the same guard: where the initializer already ran (a JIT
/// build), its flag is set and nothing is done twice. The members are reached by name
/// (<see cref="UnsafeAccessorAttribute"/>, checked when the app is compiled ahead of time; a JIT build
/// fails with <see cref="MissingMethodException"/> at the first lab check if a new version renames them,
/// which the labs' tests catch).
/// </para>
/// </remarks>
internal static class SchemaLibraryStart
{
    private const string Initialization = "Json.Schema.__ModuleInitialization, JsonSchema.Net";

    /// <summary>Runs the library's start-up once per process; at once when it has run.</summary>
    public static void EnsureStarted()
    {
        if (Interlocked.Exchange(ref Started(null), 1) != 1)
        {
            LoadDialects(null);
            LoadMetaSchemas(null);
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.StaticField, Name = "_initialized")]
    private static extern ref int Started([UnsafeAccessorType(Initialization)] object? type);

    [UnsafeAccessor(UnsafeAccessorKind.StaticMethod, Name = "LoadDialects")]
    private static extern void LoadDialects([UnsafeAccessorType(Initialization)] object? type);

    [UnsafeAccessor(UnsafeAccessorKind.StaticMethod, Name = "LoadMetaSchemas")]
    private static extern void LoadMetaSchemas([UnsafeAccessorType(Initialization)] object? type);
}
