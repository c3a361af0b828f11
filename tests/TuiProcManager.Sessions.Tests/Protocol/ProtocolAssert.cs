using TuiProcManager.Protocol;

namespace TuiProcManager.Sessions.Tests.Protocol;

/// <summary>Checks of the one-line messages of <see cref="ProtocolException"/>.</summary>
internal static class ProtocolAssert
{
    /// <summary>Runs <paramref name="map"/>, which must throw a <see cref="ProtocolException"/> of exactly <paramref name="message"/>.</summary>
    public static void Throws(string message, Action map)
    {
        ProtocolException e = Assert.Throws<ProtocolException>(map);
        Assert.Equal(message, e.Message);
    }

    /// <summary>
    /// Runs <paramref name="map"/>, which must throw a <see cref="ProtocolException"/> whose one-line message
    /// starts with <paramref name="path"/> and a colon; returns the rest, the problem.
    /// </summary>
    public static string ThrowsNaming(string path, Action map)
    {
        ProtocolException e = Assert.Throws<ProtocolException>(map);
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain('\r', e.Message);
        Assert.StartsWith(path + ": ", e.Message, StringComparison.Ordinal);
        return e.Message[(path.Length + 2)..];
    }
}
