using System.Globalization;
using System.Text;
using TuiProcManager.Core.Pooling;
using TuiProcManager.Core.Text;
using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Generated;

/// <summary>
/// Thousands of generated inputs through every parser of what people type (see <see cref="InputGenerator"/>):
/// nothing throws; every malformed input is refused with one non-empty line that quotes it; every valid
/// one still parses, to what it means. Each test takes several seeds, so a failure names a replayable one.
/// </summary>
public sealed class GeneratedInputTests
{
    private const int CasesPerSeed = 1_000;

    public static TheoryData<int> Seeds => [1, 2, 3];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void WorkerSpecParser_MalformedSpecs_AreRefusedWithOneLineQuotingThem(int seed)
    {
        InputGenerator g = new(seed);
        for (int i = 0; i < CasesPerSeed; i++)
        {
            string text = g.Next(4) switch
            {
                0 => g.NoColon(),
                1 => g.MalformedKind() + ":" + g.Integer(),
                2 => g.Pick(["", " ", "\t"]) + ":" + g.Integer(),
                _ => g.Kind(out _) + ":" + g.Pad(g.MalformedNumber()),
            };

            bool parsed = WorkerSpecParser.TryParse(text, Workload.Instant, out WorkerSpec? spec, out string? error);

            Assert.False(parsed, $"seed {seed} case {i}: '{text}' parsed as {spec}");
            AssertOneLineNaming(error, text, seed, i);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void WorkerSpecParser_ValidSpecs_ParseToTheirNumber(int seed)
    {
        InputGenerator g = new(seed);
        for (int i = 0; i < CasesPerSeed; i++)
        {
            string n = g.Integer(i % 100 == 0 ? WorkerSpecParser.MaxDigits : 60);
            string text = g.Kind(out string kind) + ":" + g.Pad(n);

            Assert.True(WorkerSpecParser.TryParse(text, Workload.Instant, out WorkerSpec? spec, out string? error), $"seed {seed} case {i}: {error}");
            Assert.Equal(kind, spec.Kind.ToString().ToLowerInvariant());
            Assert.Equal(InputGenerator.Canonical(n), spec.Number);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MapSpecParser_MalformedListsAndRanges_AreRefusedWithOneLineQuotingThem(int seed)
    {
        InputGenerator g = new(seed);
        for (int i = 0; i < CasesPerSeed; i++)
        {
            string text = g.Next(5) switch
            {
                0 => g.NoColon(),
                1 => g.MalformedKind() + ":" + g.Items(out _),
                2 => g.Kind(out _) + ":" + g.Pick(["", " ", "\t"]),
                _ => g.Kind(out _) + ":" + g.MalformedItems(),
            };

            bool parsed = MapSpecParser.TryParse(text, MapSpecParser.MaxInputs, out MapSpec? spec, out string? error);

            Assert.False(parsed, $"seed {seed} case {i}: '{text}' parsed as {spec?.Inputs.Length} inputs");
            AssertOneLineNaming(error, text, seed, i);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MapSpecParser_ValidListsAndRanges_GiveEveryInputInOrder(int seed)
    {
        InputGenerator g = new(seed);
        for (int i = 0; i < CasesPerSeed; i++)
        {
            string text = g.Kind(out string kind) + ":" + g.Items(out List<string> inputs);

            Assert.True(MapSpecParser.TryParse(text, MapSpecParser.MaxInputs, out MapSpec? spec, out string? error), $"seed {seed} case {i} '{text}': {error}");
            Assert.Equal(kind, spec.Kind.ToString().ToLowerInvariant());
            Assert.Equal(inputs, spec.Inputs);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void MapSpecParser_TooManyInputs_AreRefused_JustEnoughAreNot(int seed)
    {
        InputGenerator g = new(seed);
        for (int i = 0; i < 50; i++)
        {
            int max = 1 + g.Next(2_000);
            int from = g.Next(1_000_000) - 500_000;
            string exact = $"square:{from}..{from + max - 1}";
            string over = g.Next(2) == 0 ? $"square:{from}..{from + max}" : $"square:{from}..{from + max - 1},{from}";

            Assert.True(MapSpecParser.TryParse(exact, max, out MapSpec? spec, out string? error), error);
            Assert.Equal(max, spec.Inputs.Length);
            Assert.False(MapSpecParser.TryParse(over, max, out _, out error));
            AssertOneLineNaming(error, over, seed, i);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void CommandLineSplitter_AnyText_NeverThrows_AndAnErrorIsOneLineQuotingIt(int seed)
    {
        InputGenerator g = new(seed);
        for (int i = 0; i < CasesPerSeed; i++)
        {
            string text = string.Join(g.Pick([" ", "", "\t"]), g.Words());

            if (!CommandLineSplitter.TrySplit(text, "/home/u", out IReadOnlyList<string>? argv, out string? error))
            {
                Assert.False(string.IsNullOrWhiteSpace(error));
                Assert.Equal(error, error.ReplaceLineEndings(""));
                Assert.True(error.Contains(InputText.Shorten(text), StringComparison.Ordinal) || error.StartsWith("empty command", StringComparison.Ordinal), $"seed {seed} case {i}: {error}");
            }
            else
            {
                Assert.NotEmpty(argv);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void CommandLineSplitter_WordsQuotedAsAShellWould_SplitBackIntoTheSameWords(int seed)
    {
        InputGenerator g = new(seed);
        for (int i = 0; i < CasesPerSeed; i++)
        {
            List<string> words = g.Words();
            string text = string.Join(" ", words.Select(w => "'" + w.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));

            Assert.True(CommandLineSplitter.TrySplit(text, "/home/u", out IReadOnlyList<string>? argv, out string? error), $"seed {seed} case {i}: {error}");
            Assert.Equal(words, argv);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ArgumentLimits_ArgumentsAroundTheLimit_AreTakenExactlyWhenExecWouldTakeThem(int seed)
    {
        InputGenerator g = new(seed);
        string[] pieces = ["a", "é", "中", "😀"]; // 1, 2, 3 and 4 bytes in UTF-8
        for (int i = 0; i < 200; i++)
        {
            StringBuilder argument = new();
            int bytes = 0;
            int target = ArgumentLimits.MaxArgumentBytes - 8 + g.Next(16);
            while (bytes < target)
            {
                string piece = g.Pick(pieces);
                argument.Append(piece);
                bytes += piece switch { "a" => 1, "é" => 2, "中" => 3, _ => 4 };
            }

            bool nul = g.Next(10) == 0;
            if (nul)
            {
                argument.Insert(g.Next(argument.Length), '\0');
                bytes++;
            }

            bool fits = ArgumentLimits.TryCheck(["prog", argument.ToString()], "the command", out string? error);

            Assert.Equal(bytes <= ArgumentLimits.MaxArgumentBytes && !nul, fits);
            if (!fits)
            {
                Assert.StartsWith("argument 2 of the command ('", error, StringComparison.Ordinal);
                Assert.True(error!.Length < 300, error);
                Assert.Equal(error, error.ReplaceLineEndings(""));
            }
        }
    }

    [Fact]
    public void ArgumentLimits_ManyArgumentsEachUnderTheLimit_AreRefusedPastTheTotal()
    {
        string word = new('x', 100_000);

        Assert.True(ArgumentLimits.TryCheck([.. Enumerable.Repeat(word, 10)], "the command", out _));
        Assert.False(ArgumentLimits.TryCheck([.. Enumerable.Repeat(word, 11)], "the command", out string? error));
        Assert.Equal("the arguments of the command add up to 1,100,011 bytes; at most 1,048,576 are accepted (Linux's ARG_MAX, shared with the environment)", error);
    }

    [Fact]
    public void InputText_AnyText_IsQuotedOnOneLine_AtMostFortyCharacters()
    {
        InputGenerator g = new(7);
        for (int i = 0; i < CasesPerSeed; i++)
        {
            string text = string.Concat(g.Words()) + g.NoColon();

            string shown = InputText.Shorten(text);

            Assert.True(shown.Length <= InputText.MaxLength, shown);
            Assert.Equal(shown, shown.ReplaceLineEndings(""));
            Assert.DoesNotContain(shown, c => char.IsControl(c) && c != '\t');
            string visible = TerminalText.Sanitize(text);
            if (visible.Length <= InputText.MaxLength)
            {
                Assert.Equal(visible, shown); // short text is quoted whole
            }
            else
            {
                // Cut at the last text element that fits before the "...": never half a surrogate pair.
                int cut = StringInfo.ParseCombiningCharacters(visible).Where(start => start <= InputText.MaxLength - 3).Max();
                Assert.Equal(visible[..cut] + "...", shown);
            }
        }
    }

    /// <summary>The error is non-empty, one line (no line break of any kind), and quotes the input as typed (shortened, made printable).</summary>
    private static void AssertOneLineNaming(string? error, string text, int seed, int i)
    {
        Assert.False(string.IsNullOrWhiteSpace(error), $"seed {seed} case {i}: no error for '{text}'");
        Assert.True(error == error.ReplaceLineEndings(""), $"seed {seed} case {i}: the error for '{text}' is not one line: {error}");
        Assert.DoesNotContain(error, c => char.IsControl(c) && c != '\t');
        Assert.Contains($"'{InputText.Shorten(text)}'", error, StringComparison.Ordinal);
    }
}
