using System.Globalization;

namespace TuiProcManager.Sessions.Recording;

/// <summary>
/// How much a session's flight recorder keeps (the README's figures), from <c>TUIPROC_RECORDER</c>:
/// unset for the defaults, <c>off</c>, or <c>SESSION[:ALL]</c> in bytes with <c>K</c>, <c>M</c> or <c>G</c>
/// (binary: <c>64M</c> is 64 MiB), the cap of one session's recording and of all the user's.
/// </summary>
/// <remarks>
/// An environment setting rather than an option: the session server is started by <c>tuiproc</c>,
/// <c>tuiproc lab</c> and <c>attach</c>'s callers alike and inherits the environment, so one line in a
/// shell profile reaches every session without an option on each command; and it is the user's choice
/// (disk, privacy), not a session's.
/// </remarks>
public sealed record RecorderSettings
{
    /// <summary>The name of the environment setting.</summary>
    public const string EnvironmentName = "TUIPROC_RECORDER";

    private const long MiB = 1024 * 1024;
    private readonly long? _segmentBytes;

    /// <summary>False when the user turned the recorder off.</summary>
    public bool Enabled { get; init; } = true;

    /// <summary>Largest recording of one session (128 MiB): past it the oldest segments are deleted.</summary>
    public long SessionBytes { get; init; } = 128 * MiB;

    /// <summary>Largest total of the user's recordings (1 GiB): at a server's start, the oldest of ended sessions go first.</summary>
    public long AllBytes { get; init; } = 1024 * MiB;

    /// <summary>Events after which a new keyframe is due, at least (20,000; see <see cref="KeyframeDue"/>).</summary>
    public int KeyframeEvents { get; init; } = 20_000;

    /// <summary>
    /// A segment's size, past which a new one starts at the next keyframe due: by default a sixteenth of the
    /// cap, from 256 KiB to 8 MiB. A segment holds at least one keyframe and the events up to the next.
    /// </summary>
    public long SegmentBytes
    {
        get => _segmentBytes ?? Math.Clamp(SessionBytes / 16, MiB / 4, 8 * MiB);
        init => _segmentBytes = value;
    }

    /// <summary>
    /// Whether a keyframe is due, <paramref name="since"/> events after the last one, which held
    /// <paramref name="keyframeEvents"/>: at least <see cref="KeyframeEvents"/>, and at least twice the last
    /// keyframe. A seek decodes one keyframe and at most the events after it, so at most three times the
    /// history a screen keeps (or 20,000 events more); and keyframes take at most a third of the recording.
    /// </summary>
    public bool KeyframeDue(long since, long keyframeEvents) => since >= Math.Max(KeyframeEvents, 2 * keyframeEvents);

    /// <summary>The settings <paramref name="value"/> says; the one line of why it cannot be read, or null.</summary>
    public static RecorderSettings From(string? value, out string? problem)
    {
        problem = null;
        RecorderSettings defaults = new();
        if (string.IsNullOrWhiteSpace(value))
        {
            return defaults;
        }

        string text = value.Trim();
        if (text.Equals("off", StringComparison.OrdinalIgnoreCase))
        {
            return defaults with { Enabled = false };
        }

        string[] parts = text.Split(':');
        long? session = Size(parts[0]);
        long? all = parts.Length == 2 ? Size(parts[1]) : parts.Length == 1 ? Math.Max(defaults.AllBytes, session ?? 0) : null;
        if (session is null || all is null || session < MiB || all < session)
        {
            problem = $"{EnvironmentName}={value}: not off nor SESSION[:ALL] (sizes of at least 1M, such as 64M:512M, the second no smaller); using {Format(defaults.SessionBytes)}:{Format(defaults.AllBytes)}";
            return defaults;
        }

        return defaults with { SessionBytes = session.Value, AllBytes = all.Value };
    }

    /// <summary>A size as the README writes it: <c>128 MiB</c>.</summary>
    public static string Format(long bytes) => bytes % (1024 * MiB) == 0
        ? (bytes / (1024 * MiB)).ToString(CultureInfo.InvariantCulture) + " GiB"
        : (bytes / (double)MiB).ToString("0.#", CultureInfo.InvariantCulture) + " MiB";

    private static long? Size(string text)
    {
        text = text.Trim();
        long unit = text.Length == 0 ? 1 : char.ToUpperInvariant(text[^1]) switch
        {
            'K' => 1024,
            'M' => MiB,
            'G' => 1024 * MiB,
            _ => 1,
        };
        string digits = unit == 1 ? text : text[..^1];
        return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out long n) && n <= long.MaxValue / unit ? n * unit : null;
    }
}
