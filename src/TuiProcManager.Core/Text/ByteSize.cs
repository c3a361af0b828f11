using System.Globalization;

namespace TuiProcManager.Core.Text;

/// <summary>Sizes as people read them in a message: "64 KiB", "1 MiB", "512 bytes".</summary>
public static class ByteSize
{
    /// <summary><paramref name="bytes"/> in the largest binary unit that divides it whole, else in bytes.</summary>
    public static string Format(long bytes) => bytes switch
    {
        >= 1 << 20 when bytes % (1 << 20) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20:N0} MiB"),
        >= 1 << 10 when bytes % (1 << 10) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes >> 10:N0} KiB"),
        1 => "1 byte",
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes:N0} bytes"),
    };
}
