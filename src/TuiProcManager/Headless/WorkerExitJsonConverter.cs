using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Headless;

/// <summary>
/// An exit in JSON: <c>{"kind":"signaled","signal":9,"signalName":"SIGKILL","succeeded":false,"pythonExitCode":-9}</c>.
/// Read back through <see cref="WorkerExit"/>'s factories (its constructor is private), for <c>lab --check</c>.
/// </summary>
internal sealed class WorkerExitJsonConverter : JsonConverter<WorkerExit>
{
    /// <summary>The JSON object, as written and read (registered in <see cref="EventJsonContext"/>).</summary>
    internal sealed record Shape(ExitKind Kind, int? Code, int? Signal, string? SignalName, string? Reason, bool Succeeded, int? PythonExitCode);

    public override WorkerExit Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        Shape shape = JsonSerializer.Deserialize(ref reader, (JsonTypeInfo<Shape>)options.GetTypeInfo(typeof(Shape))) ?? throw new JsonException("An exit cannot be null.");
        return shape.Kind switch
        {
            ExitKind.Exited => WorkerExit.Exited(shape.Code ?? throw new JsonException("An exit needs its code.")),
            ExitKind.Signaled => WorkerExit.Signaled(shape.Signal ?? throw new JsonException("A signalled end needs its signal."), shape.SignalName ?? "signal " + shape.Signal),
            ExitKind.FailedToStart => WorkerExit.FailedToStart(shape.Reason ?? "unknown"),
            _ => WorkerExit.Unknown(shape.Reason ?? "unknown"),
        };
    }

    public override void Write(Utf8JsonWriter writer, WorkerExit value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, new Shape(value.Kind, value.Code, value.Signal, value.SignalName, value.Reason, value.Succeeded, value.PythonExitCode), (JsonTypeInfo<Shape>)options.GetTypeInfo(typeof(Shape)));
}
