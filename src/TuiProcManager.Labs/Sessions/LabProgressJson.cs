using System.Text.Json;
using TuiProcManager.Labs.Format;

namespace TuiProcManager.Labs.Sessions;

/// <summary>
/// Lab progress as JSON, <see cref="LabProgress.CurrentFormat"/>: the one format of the progress file and of
/// the session protocol's lab updates.
/// </summary>
public static class LabProgressJson
{
    /// <summary><paramref name="progress"/> as JSON text.</summary>
    public static string Write(LabProgress progress) => JsonSerializer.Serialize(progress, LabsJsonContext.Default.LabProgress);

    /// <summary>The progress in <paramref name="utf8"/>, or null when it is JSON but not progress of this format.</summary>
    /// <exception cref="JsonException">It is not JSON.</exception>
    public static LabProgress? Read(ReadOnlySpan<byte> utf8) => Usable(JsonSerializer.Deserialize(utf8, LabsJsonContext.Default.LabProgress));

    /// <summary>The progress in <paramref name="json"/>, or null when it is JSON but not progress of this format.</summary>
    /// <exception cref="JsonException">It is not JSON.</exception>
    public static LabProgress? Read(string json) => Usable(JsonSerializer.Deserialize(json, LabsJsonContext.Default.LabProgress));

    private static LabProgress? Usable(LabProgress? progress) =>
        progress is { Format: LabProgress.CurrentFormat, Lab: not null, Steps: not null } ? progress : null;
}
