namespace TuiProcManager.Labs.Sessions;

/// <summary>
/// How a typed answer is held against a right one: in the forms the screen itself shows. Case and every
/// space are ignored (<c>square(7)=49</c> is <c>square(7) = 49</c>, <c>cube:27</c> is <c>Cube: 27</c>),
/// and a line copied from the merged Output view may keep its worker tag (<c>[4 cube 3]   Cube: 27</c>).
/// Which forms are right is the lab file's to say (<c>"answers": ["49", "square(7) = 49"]</c>): a lab
/// lists the bare value beside the screen's line only where the value alone is unambiguous.
/// </summary>
internal static class TypedAnswer
{
    /// <summary>Whether <paramref name="given"/> is <paramref name="right"/>, in any of the forms above.</summary>
    public static bool Matches(string right, string given)
    {
        string wanted = Compact(right);
        return wanted.Length > 0
            && (Compact(given).Equals(wanted, StringComparison.OrdinalIgnoreCase)
                || Compact(WithoutTag(given)).Equals(wanted, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The text after a leading <c>[…]</c> tag, as the merged Output view puts before each line; the text itself when it has none.</summary>
    private static string WithoutTag(string text)
    {
        string t = text.TrimStart();
        int end = t.IndexOf(']', StringComparison.Ordinal);
        return t.StartsWith('[') && end > 0 ? t[(end + 1)..] : text;
    }

    private static string Compact(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
