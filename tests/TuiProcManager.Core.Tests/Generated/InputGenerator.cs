using System.Globalization;
using System.Numerics;
using System.Text;

namespace TuiProcManager.Core.Tests.Generated;

/// <summary>
/// A seeded generator of what people type into tuiproc: specs, numbers, ranges, lists and commands, valid
/// and malformed. The same seed gives the same inputs, so a failure names a case that can be replayed;
/// every malformed input is malformed by construction (the comment at each kind says why).
/// </summary>
internal sealed class InputGenerator(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>Characters that are never part of a number, a list or a range and are not blank: the junk.</summary>
    private static readonly string[] Junk =
    [
        "a", "x", "e", "E", "Z", "!", "#", "/", "*", "=", "'", "\"", "_", ":", ";", "|", "(", "&", "$", "~", "\\",
        "\u0001", "\u001b", "\u0007", "\u007f", "\u009b", "\u0000", "\u0663", "\uff15", "\u00b2", "é", "中", "😀", "\ufeff",
    ];

    /// <summary>Blanks: trimmed at the ends of a field, an error inside a number.</summary>
    private static readonly string[] Blanks = [" ", "\t", "\n", "\r", "\u00a0", "\u2028", "\u2029", "\u0085", "\u3000"];

    public int Next(int max) => _random.Next(max);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    /// <summary>An integer as typed: optional sign, optional leading zeros, 1 to <paramref name="maxDigits"/> digits.</summary>
    public string Integer(int maxDigits = 40)
    {
        StringBuilder text = new();
        text.Append(Pick(["", "", "-", "+"]));
        int length = 1 + _random.Next(maxDigits);
        for (int i = 0; i < length; i++)
        {
            text.Append((char)('0' + _random.Next(10)));
        }

        return text.ToString();
    }

    /// <summary>What the parser should make of an integer: no plus sign, no leading zeros, "0" for any zero.</summary>
    public static string Canonical(string integer) =>
        BigInteger.Parse(integer, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);

    /// <summary>"square" or "cube" in any case, with blanks around it or not.</summary>
    public string Kind(out string canonical)
    {
        canonical = Pick(["square", "cube"]);
        string typed = string.Concat(canonical.Select(c => _random.Next(3) == 0 ? char.ToUpperInvariant(c) : c));
        return Pad(typed);
    }

    /// <summary>Blanks (spaces and tabs) around <paramref name="text"/>, sometimes.</summary>
    public string Pad(string text) => Pick(["", "", " ", "\t"]) + text + Pick(["", "", " ", "  "]);

    /// <summary>
    /// A number that is not one: junk inserted anywhere (blanks only inside, where trimming cannot remove
    /// them), a sign without digits, two signs, a sign inside, a decimal point, an exponent, or nothing.
    /// </summary>
    public string MalformedNumber()
    {
        string n = Integer(12).TrimStart('+', '-');
        switch (_random.Next(8))
        {
            case 0:
                return Insert(n, Pick(Junk), _random.Next(n.Length + 1));
            case 1:
                return n.Length < 2 ? n + "x" : Insert(n, Pick(Blanks), 1 + _random.Next(n.Length - 1));
            case 2:
                return Pick(["-", "+", "--", "+-", "-+", "++"]);
            case 3:
                return Pick(["-", "+"]) + Pick(["-", "+"]) + n;
            case 4:
                return n.Length < 2 ? n + "-" : Insert(n, Pick(["-", "+"]), 1 + _random.Next(n.Length - 1));
            case 5:
                return n + "." + n;
            case 6:
                return n + Pick(["e", "E", "e+", "e-"]) + _random.Next(10);
            default:
                return Pick(["0x1F", "1_000", "١٢", "１２", "½", "∞", "NaN", "Infinity", "1,5e3".Replace(",", "", StringComparison.Ordinal)]);
        }
    }

    /// <summary>A word that is not a kind: not square or cube in any case, never blank, never containing ':'.</summary>
    public string MalformedKind()
    {
        string word = Pick(["squares", "squar", "cubes", "sq", "hexagon", "Square2", "cube_", "s quare", "cube\u0000", "sqüare", "ｓｑｕａｒｅ", "\u001b[31m", "--cmd", "-x"]);
        return _random.Next(4) == 0 ? Insert(word, Pick(Junk.Where(j => j != ":").ToArray()), _random.Next(word.Length + 1)) : word;
    }

    /// <summary>Text with no ':' at all.</summary>
    public string NoColon()
    {
        StringBuilder text = new();
        int length = _random.Next(30);
        for (int i = 0; i < length; i++)
        {
            text.Append(Pick([.. Junk.Where(j => j != ":"), .. Blanks, "1", "square", "cube", ",", ".."]));
        }

        return text.ToString();
    }

    /// <summary>A valid ITEMS list of integers and small ranges, and the inputs it stands for.</summary>
    public string Items(out List<string> inputs)
    {
        inputs = [];
        List<string> items = [];
        int count = 1 + _random.Next(6);
        for (int i = 0; i < count; i++)
        {
            if (_random.Next(3) == 0)
            {
                BigInteger from = BigInteger.Parse(Integer(25), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                int span = _random.Next(20);
                items.Add(Pad(from.ToString(CultureInfo.InvariantCulture)) + ".." + Pad((from + span).ToString(CultureInfo.InvariantCulture)));
                for (int k = 0; k <= span; k++)
                {
                    inputs.Add((from + k).ToString(CultureInfo.InvariantCulture));
                }
            }
            else
            {
                string n = Integer();
                items.Add(Pad(n));
                inputs.Add(Canonical(n));
            }
        }

        return string.Join(",", items);
    }

    /// <summary>
    /// An ITEMS list with one bad item among good ones: an empty item, a malformed number, a range with a
    /// missing, malformed, over-30-digit or reversed end, or three dots.
    /// </summary>
    public string MalformedItems()
    {
        string good = Items(out _);
        string bad = _random.Next(9) switch
        {
            0 => "",
            1 => MalformedNumber(),
            2 => ".." + Integer(5),
            3 => Integer(5) + "..",
            4 => Integer(5) + ".." + MalformedNumber(),
            5 => "1.." + new string('9', 31 + _random.Next(10)),
            6 => Reversed(),
            7 => Integer(3).TrimStart('+', '-') + "..." + Integer(3).TrimStart('+', '-'),
            _ => "..",
        };
        return _random.Next(3) switch
        {
            0 => bad + "," + good,
            1 => good + "," + bad,
            _ => good + "," + bad + "," + good,
        };
    }

    /// <summary>A command line as a list of words, each with any characters but NUL.</summary>
    public List<string> Words()
    {
        List<string> words = [];
        int count = 1 + _random.Next(6);
        for (int i = 0; i < count; i++)
        {
            StringBuilder word = new();
            int length = _random.Next(12);
            for (int k = 0; k < length; k++)
            {
                word.Append(Pick([.. Junk.Where(j => j != "\u0000"), .. Blanks, "a", "1", "-", "~", "'", "\"", "\\", "$", "*", "?", ">", "<", "`"]));
            }

            words.Add(word.ToString());
        }

        return words;
    }

    private string Reversed()
    {
        int a = _random.Next(1000);
        return $"{a + 1 + _random.Next(1000)}..{a}";
    }

    private static string Insert(string text, string what, int at) => text[..at] + what + text[at..];
}
