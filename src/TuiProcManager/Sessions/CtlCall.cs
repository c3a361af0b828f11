using System.Text;
using System.Text.Json;
using TuiProcManager.CommandLine;
using TuiProcManager.Sessions.Client;

namespace TuiProcManager.Sessions;

/// <summary>One <c>ctl</c> command's connection and output.</summary>
internal sealed class CtlCall(SessionConnection connection, bool json, TextWriter stdout)
{
    public SessionConnection Connection { get; } = connection;

    /// <summary>Prints the outcome: <paramref name="text"/> for people, or the JSON object <paramref name="write"/> writes.</summary>
    public async Task<int> Say(string text, Action<Utf8JsonWriter> write, int code = ExitCodes.Success)
    {
        ArgumentNullException.ThrowIfNull(write);
        if (json)
        {
            using MemoryStream buffer = new();
            using (Utf8JsonWriter w = new(buffer))
            {
                w.WriteStartObject();
                write(w);
                w.WriteEndObject();
            }

            await stdout.WriteLineAsync(Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
        }
        else if (text.Length > 0)
        {
            await stdout.WriteLineAsync(text).ConfigureAwait(false);
        }

        return code;
    }

    /// <summary>Prints rows: <paramref name="text"/> for people, or one JSON object per row (JSON Lines).</summary>
    public async Task<int> SayRows(string text, IEnumerable<Action<Utf8JsonWriter>> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (!json)
        {
            await stdout.WriteLineAsync(text).ConfigureAwait(false);
            return ExitCodes.Success;
        }

        foreach (Action<Utf8JsonWriter> row in rows)
        {
            _ = await Say("", row).ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }
}
