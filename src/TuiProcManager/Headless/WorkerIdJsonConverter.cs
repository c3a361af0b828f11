using System.Text.Json;
using System.Text.Json.Serialization;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Headless;

/// <summary>A worker ID is a plain number in JSON.</summary>
internal sealed class WorkerIdJsonConverter : JsonConverter<WorkerId>
{
    public override WorkerId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetInt32());

    public override void Write(Utf8JsonWriter writer, WorkerId value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}
