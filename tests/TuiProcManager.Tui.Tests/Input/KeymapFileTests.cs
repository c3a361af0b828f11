using System.Text;
using NSubstitute;
using Terminal.Gui.Input;
using TuiProcManager.Core.Os;
using TuiProcManager.Tui.Input;

namespace TuiProcManager.Tui.Tests.Input;

/// <summary>The keys file: JSON as people write it by hand; each problem one line, the rest of the file applied.</summary>
public sealed class KeymapFileTests
{
    [Fact]
    public void Read_CommentsTrailingCommasAndABom_AKeyOrAList()
    {
        List<string> problems = [];
        KeyTable keys = KeymapFile.Read(Bytes("\uFEFF{\n // mine\n \"pause-resume\": \"z\",\n \"help\": [\"F2\", \"?\",],\n}"), problems);

        Assert.Empty(problems);
        Assert.Equal(UiAction.PauseResume, keys.Map(new Key('z')));
        Assert.Equal(["F2", "?"], keys.KeysOf(UiAction.Help));
    }

    [Theory]
    [InlineData("{ \"pause-resume\": ", "not valid JSON (line 1); using the default keys")]
    [InlineData("[\"z\"]", "a JSON array, not an object like {\"pause-resume\": \"z\"}; using the default keys")]
    public void Read_NotAnObject_TheDefaults(string text, string problem)
    {
        List<string> problems = [];
        KeyTable keys = KeymapFile.Read(Bytes(text), problems);

        Assert.Equal([problem], problems);
        Assert.Same(KeyTable.Defaults, keys);
    }

    [Fact]
    public void Read_AValueOfTheWrongType_IsSaid_TheRestApplies()
    {
        List<string> problems = [];
        KeyTable keys = KeymapFile.Read(Bytes("{ \"quit\": 5, \"help\": [\"F2\", 3], \"pause-resume\": \"z\" }"), problems);

        Assert.Equal(
            [
                "\"quit\" must be a key or a list of keys, like \"z\" or [\"z\", \"F5\"], not a JSON number",
                "\"help\" must be a key or a list of keys, like \"z\" or [\"z\", \"F5\"], not a JSON array",
            ],
            problems);
        Assert.Equal(UiAction.PauseResume, keys.Map(new Key('z')));
        Assert.Equal(UiAction.Quit, keys.Map(new Key('q')));
    }

    [Fact]
    public void Read_ControlCharactersInANameOrKey_AreQuotedAsText()
    {
        List<string> problems = [];
        _ = KeymapFile.Read(Bytes("{ \"pa\\u001b[2Juse\": \"z\" }"), problems);

        Assert.DoesNotContain('\u001b', Assert.Single(problems));
    }

    [Fact]
    public void Load_AFileThatCannotBeRead_IsNamed_TheDefaults()
    {
        IRegularFileReader files = Substitute.For<IRegularFileReader>();
        files.Read(Arg.Any<string>(), KeymapFile.MaxBytes, out Arg.Any<string?>()).Returns(call =>
        {
            call[2] = "a FIFO, not a regular file";
            return null;
        });

        KeyTable keys = KeymapFile.Load(files, out IReadOnlyList<string> problems);

        Assert.Same(KeyTable.Defaults, keys);
        Assert.Equal([$"keys file {KeymapFile.FilePath}: a FIFO, not a regular file; using the default keys"], problems);
    }

    [Fact]
    public void Load_NoFile_NoProblem()
    {
        IRegularFileReader files = Substitute.For<IRegularFileReader>();
        files.Read(Arg.Any<string>(), KeymapFile.MaxBytes, out Arg.Any<string?>()).Returns(call =>
        {
            call[2] = null; // nothing at the path
            return null;
        });

        KeyTable keys = KeymapFile.Load(files, out IReadOnlyList<string> problems);

        Assert.Same(KeyTable.Defaults, keys);
        Assert.Empty(problems);
    }

    private static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);
}
