using TuiProcManager.Core.Workers;

namespace TuiProcManager.Core.Tests.Workers;

public sealed class CommandLineSplitterTests
{
    public static TheoryData<string, string[]> Valid => new()
    {
        { "python3 lesson.py", ["python3", "lesson.py"] },
        { "  python3   lesson.py  ", ["python3", "lesson.py"] },
        { "python3 -c 'print(2*3)'", ["python3", "-c", "print(2*3)"] },
        { "echo \"a b\" c", ["echo", "a b", "c"] },
        { "echo \"say \\\"hi\\\"\"", ["echo", "say \"hi\""] },
        { "echo 'it'\\''s'", ["echo", "it's"] },
        { "echo a\\ b", ["echo", "a b"] },
        { "echo ''", ["echo", ""] },
        { "echo \"$\"HOME", ["echo", "$HOME"] },
        { "echo '|' '>' ';' '*'", ["echo", "|", ">", ";", "*"] },
        { "ls ~/lab ~ a~b", ["ls", "/home/u/lab", "/home/u", "a~b"] },
        { "echo x\\|y", ["echo", "x|y"] },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void TrySplit_AsAShellWould(string text, string[] expected)
    {
        Assert.True(CommandLineSplitter.TrySplit(text, "/home/u", out IReadOnlyList<string>? argv, out string? error), error);
        Assert.Equal(expected, argv);
    }

    [Theory]
    [InlineData("ls | wc", "shell syntax '|'")]
    [InlineData("python3 a.py > out.txt", "shell syntax '>'")]
    [InlineData("a && b", "shell syntax '&'")]
    [InlineData("a; b", "shell syntax ';'")]
    [InlineData("echo $HOME", "shell syntax '$'")]
    [InlineData("echo `id`", "shell syntax '`'")]
    [InlineData("(sleep 1)", "shell syntax '('")]
    [InlineData("ls *.py", "glob '*'")]
    [InlineData("echo 'unterminated", "unterminated single quote")]
    [InlineData("echo \"unterminated", "unterminated double quote")]
    [InlineData("", "empty command")]
    [InlineData("   ", "empty command")]
    public void TrySplit_WhatOnlyAShellCouldDo_IsRefusedWithAReason(string text, string expected)
    {
        Assert.False(CommandLineSplitter.TrySplit(text, "/home/u", out _, out string? error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
