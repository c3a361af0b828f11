using System.Globalization;

namespace TuiProcManager.Protocol;

/// <summary>
/// One side's session protocol version as the <see cref="CallHeaders.Protocol"/> header carries it:
/// <c>MAJOR.REVISION PROGRAM</c>, e.g. <c>1.1 tuiproc 0.16.0</c>. The header, unlike Hello, is the same in
/// every major version: it is how a peer of another one is named even when it answers UNIMPLEMENTED.
/// </summary>
/// <param name="Major">The protocol's major version (the proto package's).</param>
/// <param name="Revision">Its revision.</param>
/// <param name="Program">The program and version, for people; null when not said.</param>
public sealed record PeerVersion(uint Major, uint Revision, string? Program)
{
    /// <summary>The header's value for this version.</summary>
    public string Header => string.IsNullOrEmpty(Program)
        ? string.Create(CultureInfo.InvariantCulture, $"{Major}.{Revision}")
        : string.Create(CultureInfo.InvariantCulture, $"{Major}.{Revision} {Program}");

    /// <summary>Reads a <see cref="CallHeaders.Protocol"/> header; null when it is missing or not of that form.</summary>
    public static PeerVersion? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        string text = header.Trim();
        int space = text.IndexOf(' ', StringComparison.Ordinal);
        string number = space < 0 ? text : text[..space];
        string? program = space < 0 ? null : text[(space + 1)..].Trim();
        int dot = number.IndexOf('.', StringComparison.Ordinal);
        return dot > 0
            && uint.TryParse(number.AsSpan(0, dot), NumberStyles.None, CultureInfo.InvariantCulture, out uint major)
            && uint.TryParse(number.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out uint revision)
                ? new PeerVersion(major, revision, string.IsNullOrEmpty(program) ? null : program)
                : null;
    }
}
