using System.Diagnostics;
using System.Globalization;
using TuiProcManager.Tui.Colors;

namespace TuiProcManager.Tui.Tests.Colors;

/// <summary>
/// The terminfo reader on this machine's real entries, checked against ncurses' own infocmp, and on
/// truncated, corrupt and hostile files, which must give null and never throw (TERM comes from the other
/// end of an SSH login, and ~/.terminfo may hold anything).
/// </summary>
public sealed class TerminfoFileTests
{
    [Theory]
    [InlineData("/lib/terminfo/x/xterm-256color", 0x21E, 256, false)] // ncurses 6.4 writes 32-bit numbers
    [InlineData("/usr/share/terminfo/x/x10term", 0x11A, -1, false)] // the legacy format, ending on an odd offset
    [InlineData("/usr/share/terminfo/x/xterm-direct", 0x21E, 0x1000000, true)] // 32-bit numbers; RGB
    [InlineData("/lib/terminfo/l/linux", 0x11A, 8, false)]
    [InlineData("/lib/terminfo/t/tmux-256color", 0x21E, 256, false)]
    [InlineData("/lib/terminfo/d/dumb", 0x11A, -1, false)]
    public void Parse_RealEntries(string path, int magic, int colors, bool direct)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal(magic, BitConverter.ToInt16(bytes, 0));

        TerminfoFile? entry = TerminfoFile.Parse(bytes);

        Assert.NotNull(entry);
        Assert.StartsWith(Path.GetFileName(path) + "|", entry.Names, StringComparison.Ordinal);
        Assert.Equal(colors, entry.MaxColors);
        Assert.Equal(direct, entry.DirectColor);
    }

    /// <summary>Every entry of ncurses-term whose name starts with x, against what infocmp reads in it.</summary>
    [Fact]
    public void Parse_EveryXEntry_AgreesWithInfocmp()
    {
        string[] paths = [.. Directory.GetFiles("/usr/share/terminfo/x").Order(StringComparer.Ordinal)];
        Assert.True(paths.Length > 50, $"{paths.Length} entries");
        int direct = 0;
        foreach (string path in paths)
        {
            string source = Infocmp(path);
            TerminfoFile? entry = TerminfoFile.Parse(File.ReadAllBytes(path));
            Assert.True(entry is not null, path);
            string? colors = source.Split([',', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(c => c.StartsWith("colors#", StringComparison.Ordinal));
            int expected = colors is null ? -1 : colors[7..].StartsWith("0x", StringComparison.Ordinal)
                ? int.Parse(colors[9..], NumberStyles.HexNumber, CultureInfo.InvariantCulture)
                : int.Parse(colors[7..], CultureInfo.InvariantCulture);
            bool hasRgb = source.Split([',', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries).Any(c => c is "RGB" or "Tc" || c.StartsWith("RGB#", StringComparison.Ordinal) || c.StartsWith("RGB=", StringComparison.Ordinal));
            Assert.True(expected == entry.MaxColors, $"{path}: colors {entry.MaxColors}, infocmp {expected}");
            Assert.True(hasRgb == entry.DirectColor, $"{path}: direct {entry.DirectColor}, infocmp {hasRgb}");
            direct += hasRgb ? 1 : 0;
        }

        Assert.True(direct >= 2, $"{direct} entries with direct colour: the check can tell");
    }

    [Fact]
    public void Parse_EveryTruncation_NeverThrows()
    {
        foreach (string path in (string[])["/usr/share/terminfo/x/xterm-direct", "/lib/terminfo/x/xterm-256color"])
        {
            byte[] bytes = File.ReadAllBytes(path);
            for (int length = 0; length < bytes.Length; length++)
            {
                _ = TerminfoFile.Parse(bytes.AsSpan(0, length)); // no exception
            }

            Assert.NotNull(TerminfoFile.Parse(bytes));
        }
    }

    [Fact]
    public void Parse_CorruptBytes_NeverThrow()
    {
        byte[] original = File.ReadAllBytes("/usr/share/terminfo/x/xterm-direct");
        Random random = new(18);
        for (int round = 0; round < 20_000; round++)
        {
            byte[] bytes = (byte[])original.Clone();
            for (int flips = random.Next(1, 8); flips > 0; flips--)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            _ = TerminfoFile.Parse(bytes);
        }
    }

    [Theory]
    [InlineData(new byte[] { })]
    [InlineData(new byte[] { 0x1A, 0x01, 0, 0, 0, 0, 0, 0, 0, 0, 0 })] // a header cut short
    [InlineData(new byte[] { 0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0, 0, 0, 0, 0 })] // not terminfo (an ELF file)
    [InlineData(new byte[] { 0x1A, 0x01, 0xFF, 0x7F, 0, 0, 0, 0, 0, 0, 0, 0 })] // names of 32767 bytes, absent
    [InlineData(new byte[] { 0x1A, 0x01, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0, 0, 0 })] // a negative size
    [InlineData(new byte[] { 0x1E, 0x02, 1, 0, 0, 0, 0x20, 0, 0, 0, 0, 0, 0 })] // 32 numbers promised, none there
    public void Parse_CraftedBadHeaders_AreNull(byte[] bytes) => Assert.Null(TerminfoFile.Parse(bytes));

    [Fact]
    public void Parse_AFileLargerThanNcursesAllows_IsNull()
    {
        byte[] bytes = new byte[TerminfoFile.MaxBytes + 1];
        File.ReadAllBytes("/lib/terminfo/x/xterm-256color").CopyTo(bytes, 0);

        Assert.Null(TerminfoFile.Parse(bytes));
    }

    private static string Infocmp(string path)
    {
        using Process infocmp = Process.Start(new ProcessStartInfo("infocmp", ["-x", "-1", "-A", Path.GetDirectoryName(Path.GetDirectoryName(path))!, Path.GetFileName(path)])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        string output = infocmp.StandardOutput.ReadToEnd();
        Assert.True(infocmp.WaitForExit(30_000), "infocmp finished");
        return output;
    }
}
