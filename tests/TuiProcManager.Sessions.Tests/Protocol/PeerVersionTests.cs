using TuiProcManager.Protocol;

namespace TuiProcManager.Sessions.Tests.Protocol;

/// <summary>The version header's form, which every major version keeps: <c>MAJOR.REVISION PROGRAM</c>.</summary>
public sealed class PeerVersionTests
{
    [Theory]
    [InlineData("1.1 tuiproc 0.16.0", 1u, 1u, "tuiproc 0.16.0")]
    [InlineData("2.0", 2u, 0u, null)]
    [InlineData(" 3.12  python grpcio ", 3u, 12u, "python grpcio")]
    public void Parse_WellFormed_MajorRevisionAndProgram(string header, uint major, uint revision, string? program) =>
        Assert.Equal(new PeerVersion(major, revision, program), PeerVersion.Parse(header));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("v1.1 tuiproc")]
    [InlineData("1.x tuiproc")]
    [InlineData("-1.0")]
    public void Parse_NotOfTheForm_Null(string? header) => Assert.Null(PeerVersion.Parse(header));

    [Fact]
    public void Header_ThisBuild_ParsesBackToItself() =>
        Assert.Equal(ProtocolVersion.This, PeerVersion.Parse(ProtocolVersion.This.Header));
}
