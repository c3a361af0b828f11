using System.Text;

namespace TuiProcManager.Tui.Colors;

/// <summary>
/// The question that asks a terminal whether it shows 24-bit colour, and the reading of its answer.
/// </summary>
/// <remarks>
/// <para>
/// The question is XTGETTCAP for ncurses' <c>RGB</c> (<c>ESC P + q 524742 ESC \</c>, the name in hex),
/// then a primary device attributes request (DA1, <c>ESC [ c</c>), which every terminal answers: its answer
/// (<c>ESC [ ? … c</c>) ends the wait, so a terminal that ignores XTGETTCAP costs one round trip, not the
/// timeout. A terminal that knows RGB answers <c>ESC P 1 + r 524742 [= value] ESC \</c> first; one that does
/// not, <c>ESC P 0 + r … ESC \</c> or nothing.
/// </para>
/// <para>
/// Measured: tmux 3.3a answers only DA1 (<c>ESC [ ? 1 ; 2 c</c>); xterm 379 only DA1 too, as its
/// allowTcapOps resource is off by default, and with it on <c>ESC P 1 + r 524742=38 ESC \</c> (RGB=8 bits),
/// whatever its TERM.
/// </para>
/// <para>
/// An answer later than the wait (a slow link) reaches Terminal.Gui's input instead. Checked in tmux on the
/// running app (Terminal.Gui 2.5.0), by sending both answers as the terminal's input: neither became keys
/// (the DA1 answer's <c>?</c> and <c>c</c> would open the help and a dialog; a typed <c>?</c> does). Keys
/// typed during the wait are read with the answer and handed to the UI's input (<see cref="Read"/>).
/// </para>
/// </remarks>
internal static class TerminalColorAnswer
{
    /// <summary>The bytes of the question.</summary>
    public static byte[] Question { get; } = Encoding.ASCII.GetBytes("\u001bP+q524742\u001b\\\u001b[c");

    /// <summary>Whether <paramref name="read"/> holds the DA1 answer that ends every answer.</summary>
    public static bool IsComplete(byte[] read) => Read(read).Complete;

    /// <summary>
    /// What the terminal said: RGB is supported; the DA1 answer came; and every byte that was not part of an
    /// answer (keys typed during the wait), in order. An answer cut short by the timeout is dropped.
    /// </summary>
    public static (bool SaysRgb, bool Complete, byte[] Typed) Read(ReadOnlySpan<byte> read)
    {
        bool rgb = false, complete = false;
        List<byte> typed = [];
        int i = 0;
        while (i < read.Length)
        {
            if (read[i] == 0x1b && i + 1 < read.Length && read[i + 1] == (byte)'P')
            {
                int end = read[i..].IndexOf("\u001b\\"u8);
                if (end < 0)
                {
                    break; // cut short
                }

                rgb |= IsRgbYes(read.Slice(i + 2, end - 2));
                i += end + 2;
            }
            else if (read[i] == 0x1b && i + 2 < read.Length && read[i + 1] == (byte)'[' && read[i + 2] == (byte)'?')
            {
                int length = DeviceAttributesLength(read[i..]);
                if (length <= 0)
                {
                    if (length < 0)
                    {
                        break; // cut short
                    }

                    typed.Add(read[i++]);
                    continue;
                }

                complete = true;
                i += length;
            }
            else
            {
                typed.Add(read[i++]);
            }
        }

        return (rgb, complete, [.. typed]);
    }

    /// <summary>"1+r524742" or "1+r524742=…": the terminal has RGB (a value of any kind counts).</summary>
    private static bool IsRgbYes(ReadOnlySpan<byte> body) =>
        body.StartsWith("1+r"u8) && (Ascii.EqualsIgnoreCase(body[3..], "524742"u8)
            || (body.Length > 9 && Ascii.EqualsIgnoreCase(body[3..9], "524742"u8) && body[9] == (byte)'='));

    /// <summary>The length of the DA1 answer at the start (ESC [ ? digits and semicolons c); 0 when it is not one; -1 when it is cut short.</summary>
    private static int DeviceAttributesLength(ReadOnlySpan<byte> at)
    {
        for (int j = 3; j < at.Length; j++)
        {
            if (at[j] == (byte)'c')
            {
                return j + 1;
            }

            if (at[j] is not ((>= (byte)'0' and <= (byte)'9') or (byte)';'))
            {
                return 0;
            }
        }

        return -1;
    }
}
