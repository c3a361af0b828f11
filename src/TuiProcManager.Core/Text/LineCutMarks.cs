using System.Globalization;
using System.Text;

namespace TuiProcManager.Core.Text;

/// <summary>
/// The words the launcher adds to an output line over its limit, and how a consumer that must keep the
/// worker's stream apart from our own notes (<c>tuiproc run</c> into a pipe or a file) tells them apart.
/// </summary>
/// <remarks>
/// A line over the limit is emitted when the limit is reached as its first bytes followed by
/// <see cref="Cut"/>'s words, and when it ends a second line, <see cref="Dropped"/>'s, counts the bytes
/// that were not kept. Telling them from a worker's own text is exact, not a guess:
/// <list type="bullet">
/// <item>A cut line keeps between limit − 3 and limit bytes (it is cut at a character boundary) and says
/// that count. A worker line that long with those words after it is over the limit itself, so it would
/// have been cut: no worker line of valid UTF-8 can read as a cut one. (Invalid bytes are decoded as
/// U+FFFD, three bytes each, so the kept text may count more bytes than were kept, never fewer: a line
/// of crafted invalid bytes followed by these very words is the one case that could be misread.)</item>
/// <item>After a cut line, the next line of the same pipe is always the count of dropped bytes: nothing
/// else is emitted from that pipe until the cut line ends.</item>
/// </list>
/// </remarks>
public static class LineCutMarks
{
    private const string CutStart = " … [line cut at ";
    private const string CutEnd = " bytes]";
    private const string DroppedStart = "… [";
    private const string DroppedEnd = " more bytes of the cut line dropped]";

    /// <summary>The line <paramref name="kept"/> (its first <paramref name="keptBytes"/> bytes) as emitted when it reached the limit.</summary>
    public static string Cut(string kept, long keptBytes) =>
        kept + string.Create(CultureInfo.InvariantCulture, $"{CutStart}{keptBytes:N0}{CutEnd}");

    /// <summary>The line that counts the <paramref name="droppedBytes"/> of a cut line that were not kept, when it ends.</summary>
    public static string Dropped(long droppedBytes) =>
        string.Create(CultureInfo.InvariantCulture, $"{DroppedStart}{droppedBytes:N0}{DroppedEnd}");

    /// <summary>
    /// Whether <paramref name="text"/> is a line cut at a limit of <paramref name="maxLineBytes"/>; then
    /// <paramref name="kept"/> is the worker's text and <paramref name="keptBytes"/> its length in bytes.
    /// </summary>
    public static bool IsCut(string text, int maxLineBytes, out string kept, out long keptBytes)
    {
        ArgumentNullException.ThrowIfNull(text);
        kept = text;
        keptBytes = 0;
        if (!text.EndsWith(CutEnd, StringComparison.Ordinal))
        {
            return false; // the common case, at the cost of one comparison
        }

        int start = text.LastIndexOf(CutStart, StringComparison.Ordinal);
        if (start < 0
            || !long.TryParse(text.AsSpan(start + CutStart.Length, text.Length - start - CutStart.Length - CutEnd.Length), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out long said)
            || said < maxLineBytes - 3 || said > maxLineBytes
            || Encoding.UTF8.GetByteCount(text.AsSpan(0, start)) < said)
        {
            return false;
        }

        kept = text[..start];
        keptBytes = said;
        return true;
    }

    /// <summary>The count of dropped bytes in <paramref name="text"/>, a line that follows a cut one; null when it is not that line.</summary>
    public static long? DroppedBytes(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.StartsWith(DroppedStart, StringComparison.Ordinal) && text.EndsWith(DroppedEnd, StringComparison.Ordinal)
            && long.TryParse(text.AsSpan(DroppedStart.Length, text.Length - DroppedStart.Length - DroppedEnd.Length), NumberStyles.AllowThousands, CultureInfo.InvariantCulture, out long n)
            ? n
            : null;
    }
}
