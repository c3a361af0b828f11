using System.Text.Json;
using Json.Schema;

namespace TuiProcManager.Labs.Format;

/// <summary>
/// The shape of a lab file, as <c>labs/lab.schema.json</c> says it: the one place it is written. Every lab,
/// shipped or the user's own, is checked against the schema built into this assembly before it is read, so
/// the reader only reads and keeps the checks a schema cannot say (ids used twice, an answer that must be
/// one of the choices). The first broken rule becomes one line in tuiproc's words (<see cref="SchemaWords"/>).
/// </summary>
/// <remarks>
/// The built-in schema is used even when a <c>labs/lab.schema.json</c> beside the app replaces it for
/// editors: the reader relies on what this schema guarantees, so another one cannot be allowed to loosen it.
/// </remarks>
internal static class LabSchema
{
    /// <summary>The schema's name among the files built into this assembly.</summary>
    private const string ResourceName = "labs/lab.schema.json";

    private static readonly Lazy<(JsonSchema Schema, JsonDocument Text)> Built = new(Build);

    /// <summary>The schema as JSON, for the words of a broken rule (descriptions, <c>x-messages</c>, limits).</summary>
    public static JsonElement Text => Built.Value.Text.RootElement;

    /// <summary>Checks <paramref name="source"/> against the schema.</summary>
    /// <exception cref="LabFormatException">
    /// A rule is broken. Of several, the first in the file is told, those about what is there before those
    /// about what is missing (<see cref="SchemaFailure.AsksForMore"/>), a wrong type first at one place.
    /// </exception>
    public static void Check(JsonSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        JsonElement lab = source.Root.Element;
        EvaluationResults results = Built.Value.Schema.Evaluate(lab, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        if (results.IsValid)
        {
            return;
        }

        SchemaFailure? first = SchemaFailures.Of(results, Text, lab)
            .OrderBy(f => f.AsksForMore)
            .ThenBy(f => source.PositionOf(f.At))
            .ThenBy(f => !f.IsWrongType)
            .FirstOrDefault();
        throw first is null
            ? source.Error("", "does not have the shape of a lab file (see labs/lab.schema.json)")
            : source.Error(first.At, first.Of, SchemaWords.Of(first, Text));
    }

    private static (JsonSchema, JsonDocument) Build()
    {
        SchemaLibraryStart.EnsureStarted(); // the library's own start-up, deferred to here in the native build
        using Stream stream = typeof(LabSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"{ResourceName} is not built into {typeof(LabSchema).Assembly.GetName().Name}");
        using StreamReader reader = new(stream);
        string text = reader.ReadToEnd();

        // A registry of its own: the process-wide one refuses a second schema with the same $id (a copy built elsewhere).
        JsonSchema schema = JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        return (schema, JsonDocument.Parse(text));
    }
}
