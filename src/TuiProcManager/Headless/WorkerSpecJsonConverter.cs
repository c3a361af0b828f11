using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Headless;

/// <summary>
/// A spec in JSON: <c>{"kind":"square","number":"10","workload":{"steps":0,"workMs":0,"waitMs":0}}</c> or
/// <c>{"kind":"command","command":["python3","lesson.py"]}</c>. Read back through the spec's own
/// factories, so a file cannot produce a spec the parser would refuse.
/// </summary>
internal sealed class WorkerSpecJsonConverter : JsonConverter<WorkerSpec>
{
    /// <summary>The JSON object, as written and read (registered in <see cref="EventJsonContext"/>).</summary>
    internal sealed record Shape(WorkerKind Kind, string? Number, string[]? Command, Workload? Workload, string? Name, int? Pool = null);

    public override WorkerSpec Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Shape shape = JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<Shape>)options.GetTypeInfo(typeof(Shape))) ?? throw new JsonException("A worker spec cannot be null.");
        try
        {
            return shape.Kind switch
            {
                WorkerKind.Square => WorkerSpec.Square(shape.Number ?? "", shape.Workload),
                WorkerKind.Cube => WorkerSpec.Cube(shape.Number ?? "", shape.Workload),
                WorkerKind.Pool => WorkerSpec.PoolWorker(new PoolId(shape.Pool ?? 0), shape.Workload),
                _ => WorkerSpec.Command(shape.Command ?? []),
            };
        }
        catch (ArgumentException e)
        {
            throw new JsonException("Invalid worker spec: " + e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, WorkerSpec value, JsonSerializerOptions options)
    {
        Shape shape = value.Kind == WorkerKind.Command
            ? new Shape(value.Kind, null, [.. value.CommandLine], null, value.DisplayName)
            : new Shape(value.Kind, value.Number, null, value.Workload, value.DisplayName, value.Pool?.Value);
        JsonSerializer.Serialize(writer, shape, (JsonTypeInfo<Shape>)options.GetTypeInfo(typeof(Shape)));
    }
}
