using System.Text.Json;
using System.Text.Json.Serialization;

namespace TuiProcManager.Tui.Theming;

/// <summary>
/// The settings file's JSON, generated at compile time (the app is published with NativeAOT, where
/// reflection-based serialization is off): Web defaults (camelCase, names matched case-insensitively),
/// indented, comments and trailing commas allowed, since people edit it by hand. Themes are read as
/// documents (<see cref="ThemeCatalog"/>) and handed to Terminal.Gui's own configuration.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true, ReadCommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(UserSettings))]
internal sealed partial class TuiJsonContext : JsonSerializerContext;
