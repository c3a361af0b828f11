using System.Buffers.Binary;
using System.Text;

namespace TuiProcManager.Tui.Colors;

/// <summary>
/// What a compiled terminfo entry says about colour: how many colours (<c>colors</c>), and whether it has
/// direct (24-bit) colour: ncurses' <c>RGB</c> (a boolean, a number or a string) or tmux's <c>Tc</c>
/// (a boolean), both in the extended capabilities.
/// </summary>
/// <remarks>
/// <para>
/// The format is term(5)'s: a header of six little-endian 16-bit numbers (magic, then the sizes of the
/// names, booleans, numbers, string offsets and string table); the legacy magic 0432 has 16-bit numbers,
/// 01036 (ncurses 6.1's) 32-bit ones. After the string table, on an even offset, the extended section
/// (ncurses' user-defined capabilities): five counts, the booleans, the numbers, the string offsets, the
/// offsets of every extended capability's name, then a table of the string values followed by the names.
/// </para>
/// <para>
/// Every offset and count is checked against the bytes there are: a truncated, corrupt or hostile file
/// gives null (<see cref="Parse"/>), never an exception; the caller reads at most <see cref="MaxBytes"/>.
/// </para>
/// </remarks>
/// <param name="Names">The entry's names, as "xterm-256color|xterm with 256 colors".</param>
/// <param name="MaxColors">The <c>colors</c> number, or -1 when absent.</param>
/// <param name="DirectColor">RGB or Tc is present.</param>
internal sealed record TerminfoFile(string Names, int MaxColors, bool DirectColor)
{
    /// <summary>The largest file read: ncurses' own limit on a compiled entry is 32768 bytes.</summary>
    public const int MaxBytes = 32768;

    private const int LegacyMagic = 0x11A; // 0432
    private const int Number32Magic = 0x21E; // 01036
    private const int ColorsIndex = 13; // "colors" is the 14th standard number (term.h's order)

    /// <summary>The entry's colour capabilities, or null when <paramref name="bytes"/> is not a terminfo entry this understands.</summary>
    public static TerminfoFile? Parse(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 12 || bytes.Length > MaxBytes)
        {
            return null;
        }

        int magic = Short(bytes, 0);
        if (magic is not (LegacyMagic or Number32Magic))
        {
            return null;
        }

        int numberSize = magic == LegacyMagic ? 2 : 4;
        int namesSize = Short(bytes, 2), booleans = Short(bytes, 4), numbers = Short(bytes, 6), strings = Short(bytes, 8), tableSize = Short(bytes, 10);
        if (namesSize < 0 || booleans < 0 || numbers < 0 || strings < 0 || tableSize < 0)
        {
            return null;
        }

        int at = 12;
        if (!Fits(bytes, at, namesSize))
        {
            return null;
        }

        string names = Text(bytes.Slice(at, namesSize));
        at = Even(at + namesSize + booleans);
        if (!Fits(bytes, at, numbers * numberSize))
        {
            return null;
        }

        int colors = numbers > ColorsIndex ? Number(bytes, at + (ColorsIndex * numberSize), numberSize) : -1;
        int end = at + (numbers * numberSize) + (strings * 2) + tableSize;
        if (!Fits(bytes, end, 0))
        {
            return null;
        }

        // The extended section starts on an even offset; an entry with none may end on an odd one.
        bool? direct = Even(end) >= bytes.Length ? false : ExtendedDirectColor(bytes[Even(end)..], numberSize);
        return direct is null ? null : new TerminfoFile(names, Math.Max(colors, -1), direct.Value);
    }

    /// <summary>Whether the extended section names RGB (with a value) or Tc; false when there is none; null when it is corrupt.</summary>
    private static bool? ExtendedDirectColor(ReadOnlySpan<byte> section, int numberSize)
    {
        if (section.Length < 10)
        {
            return section.Length == 0 ? false : null; // no extended capabilities at all
        }

        int booleans = Short(section, 0), numbers = Short(section, 2), strings = Short(section, 4), tableSize = Short(section, 8);
        if (booleans < 0 || numbers < 0 || strings < 0 || tableSize < 0)
        {
            return null;
        }

        int at = 10;
        int boolsAt = at;
        at = Even(at + booleans);
        int numbersAt = at;
        at += numbers * numberSize;
        int stringOffsetsAt = at;
        at += strings * 2;
        int nameOffsetsAt = at;
        int total = booleans + numbers + strings;
        at += total * 2;
        int tableAt = at;
        if (!Fits(section, tableAt, tableSize))
        {
            return null;
        }

        ReadOnlySpan<byte> table = section.Slice(tableAt, tableSize);

        // The names follow the string values: they start after the last value's terminating NUL.
        int namesStart = 0;
        for (int i = 0; i < strings; i++)
        {
            int offset = Short(section, stringOffsetsAt + (i * 2));
            if (offset >= 0 && offset < table.Length)
            {
                int end = table[offset..].IndexOf((byte)0);
                namesStart = Math.Max(namesStart, offset + (end < 0 ? table.Length - offset : end + 1));
            }
        }

        for (int i = 0; i < total; i++)
        {
            int offset = Short(section, nameOffsetsAt + (i * 2));
            if (offset < 0 || namesStart + offset >= table.Length)
            {
                return null;
            }

            string name = Text(table[(namesStart + offset)..]);
            bool present = i < booleans ? section[boolsAt + i] == 1
                : i < booleans + numbers ? Number(section, numbersAt + ((i - booleans) * numberSize), numberSize) >= 0
                : Short(section, stringOffsetsAt + ((i - booleans - numbers) * 2)) >= 0;
            if (present && (name == "RGB" || (name == "Tc" && i < booleans)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool Fits(ReadOnlySpan<byte> bytes, int at, int length) => at >= 0 && length >= 0 && (long)at + length <= bytes.Length;

    private static int Even(int at) => at + (at & 1);

    private static short Short(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadInt16LittleEndian(bytes.Slice(at, 2));

    private static int Number(ReadOnlySpan<byte> bytes, int at, int size) =>
        size == 2 ? Short(bytes, at) : BinaryPrimitives.ReadInt32LittleEndian(bytes.Slice(at, 4));

    /// <summary>The NUL-terminated text at the start of <paramref name="bytes"/> (all of it without a NUL).</summary>
    private static string Text(ReadOnlySpan<byte> bytes)
    {
        int end = bytes.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? bytes : bytes[..end]);
    }
}
