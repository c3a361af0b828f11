using System.Text;

namespace TuiProcManager.Tui.Hosting;

/// <summary>
/// The terminal's clipboard escape sequence, <c>ESC ] 52 ; c ; base64 BEL</c>: the terminal (and tmux with
/// <c>set-clipboard on</c>) puts the decoded text on the clipboard of the machine the user sits at, over SSH too.
/// </summary>
/// <remarks>
/// <para>
/// Nothing answers it: a terminal that does not take it ignores it silently, so a copy cannot know it
/// worked. xterm (379) ignores it by default (<c>allowWindowOps</c> false, and <c>SetSelection</c> is in the
/// default <c>disallowedWindowOps</c>); tmux 3.3 ignores it by default (<c>set-clipboard external</c>).
/// </para>
/// <para>
/// Sizes differ between terminals: tmux 3.3a, measured, took 600,000 bytes of text into its buffer and
/// silently dropped 1,100,000 (its 1 MiB limit on one escape sequence, base64 being 4/3 of the text). Text
/// over <see cref="MaxBytes"/> is not sent at all (never cut: half a copy pasted looks whole).
/// </para>
/// </remarks>
internal static class Osc52
{
    /// <summary>The most UTF-8 bytes of text sent: 100,000 (133,336 characters of base64).</summary>
    public const int MaxBytes = 100_000;

    /// <summary>The sequence that puts <paramref name="text"/> on the clipboard, or null when it is over <see cref="MaxBytes"/>.</summary>
    public static string? Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return bytes.Length > MaxBytes ? null : "\u001b]52;c;" + Convert.ToBase64String(bytes) + "\u0007";
    }
}
