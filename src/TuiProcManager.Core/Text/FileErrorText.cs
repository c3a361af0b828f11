using System.Runtime.InteropServices;

namespace TuiProcManager.Core.Text;

/// <summary>
/// Our words for why a file operation failed, to follow a colon: "permission denied", "no space left on
/// device". Never .NET's own sentence, which names the path again in its own style
/// ("Could not find file '…'.", "Access to the path '…' is denied.").
/// </summary>
public static class FileErrorText
{
    /// <summary>The reason <paramref name="error"/> (an <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>) stands for.</summary>
    public static string Of(Exception error) => error switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException => "no such file",
        DirectoryNotFoundException => "no such directory",
        PathTooLongException => "the path is too long",
        IOException { HResult: > 0 and < 4096 } io => Lower(Marshal.GetPInvokeErrorMessage(io.HResult)), // on Linux, .NET puts errno there
        IOException => "an input/output error",
        _ => Lower(error.GetType().Name),
    };

    private static string Lower(string text) =>
        text.Length > 1 && char.IsUpper(text[0]) && char.IsLower(text[1]) ? char.ToLowerInvariant(text[0]) + text[1..] : text;
}
