using System.Text.Json;
using System.Text.Json.Serialization;
using TuiProcManager.Labs.Reports;
using TuiProcManager.Labs.Sessions;

namespace TuiProcManager.Labs.Format;

/// <summary>
/// The JSON the labs write and read through the serializer (progress files and reports), generated at
/// compile time: the app is published with NativeAOT, where reflection-based serialization is off. Web
/// defaults (camelCase, names matched case-insensitively), indented. Lab and texts files are read with
/// <see cref="JsonSource"/> (a document, for positions in messages), not here.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(LabProgress))]
[JsonSerializable(typeof(LabReportDocument))]
internal sealed partial class LabsJsonContext : JsonSerializerContext;
