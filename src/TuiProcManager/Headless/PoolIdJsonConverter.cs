using System.Text.Json;
using System.Text.Json.Serialization;
using TuiProcManager.Core.Pooling;

namespace TuiProcManager.Headless;

/// <summary>A pool ID is a plain number in JSON.</summary>
internal sealed class PoolIdJsonConverter : JsonConverter<PoolId>
{
    public override PoolId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetInt32());

    public override void Write(Utf8JsonWriter writer, PoolId value, JsonSerializerOptions options) => writer.WriteNumberValue(value.Value);
}
