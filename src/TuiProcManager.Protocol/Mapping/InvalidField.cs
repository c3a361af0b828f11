using System.Globalization;

namespace TuiProcManager.Protocol;

/// <summary>
/// The wording of every <see cref="ProtocolException"/>: <c>PATH: PROBLEM</c> on one line, where PATH is
/// the field's path in the message as the proto names it (<c>snapshot.workers[2].spec.number</c>).
/// </summary>
/// <remarks>
/// The exceptions are returned, not thrown, so that call sites read <c>?? throw InvalidField.Missing(…)</c>
/// and the compiler sees that they do not return.
/// </remarks>
internal static class InvalidField
{
    /// <summary>The path of item <paramref name="index"/> of the list at <paramref name="path"/>; the list's own when the index is negative.</summary>
    public static string Item(string path, int index) =>
        index < 0 ? path : string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");

    /// <summary>A message or value the mapping needs was left unset.</summary>
    public static ProtocolException Missing(string path) => new($"{path}: missing");

    /// <summary>An enum value this build does not know: from a newer revision of the protocol, or corrupt.</summary>
    public static ProtocolException UnknownValue(string path, string enumName, int value) =>
        new($"{path}: {value} is not a known {enumName}");

    /// <summary>A value that maps to no Core value for another reason, said in <paramref name="problem"/>.</summary>
    public static ProtocolException Invalid(string path, string problem, Exception? cause = null) =>
        cause is null ? new($"{path}: {problem}") : new($"{path}: {problem}", cause);

    /// <summary>A value Core's own factory refused: its message, cut to one line and without the parameter's name.</summary>
    public static ProtocolException Rejected(string path, ArgumentException error) => new($"{path}: {OneLine(error)}", error);

    /// <summary>
    /// The first line of <paramref name="error"/>'s message without the runtime's <c>(Parameter 'x')</c> suffix:
    /// an <see cref="ArgumentOutOfRangeException"/> adds its actual value on a second line.
    /// </summary>
    private static string OneLine(ArgumentException error)
    {
        string message = error.Message;
        int lineEnd = message.IndexOfAny(['\r', '\n']);
        if (lineEnd >= 0)
        {
            message = message[..lineEnd];
        }

        string suffix = $" (Parameter '{error.ParamName}')";
        return error.ParamName is not null && message.EndsWith(suffix, StringComparison.Ordinal) ? message[..^suffix.Length] : message;
    }
}
